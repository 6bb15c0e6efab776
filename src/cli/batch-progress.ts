// Progress of a batch on stderr as "k/N": an ora spinner in a terminal, one plain line per audit in CI.
import ora from "ora";
import type { BatchEvent } from "../batch/run-batch.js";
import { statusText } from "../report/batch-format.js";
import { printable } from "../model/printable.js";

function finished(event: BatchEvent): string {
  const row = event.row!;
  const score = row.score === null ? "" : `, score ${Math.round(row.score)}`;
  return `${event.done}/${event.total} ${row.rank}. ${printable(row.name)}: ${statusText(row)}${score}`;
}

export function batchProgress(stream: NodeJS.WriteStream): { onEvent: (event: BatchEvent) => void; stop: () => void } {
  if (!stream.isTTY || process.env.CI) {
    return {
      onEvent: (event) => {
        if (event.phase === "finish") stream.write(`[batch] ${finished(event)}\n`);
      },
      stop: () => {},
    };
  }
  const spinner = ora({ text: "starting", stream }).start();
  return {
    onEvent: (event) => {
      if (event.phase === "finish")
        spinner
          .stopAndPersist({
            symbol: event.row!.status === "audited" || event.row!.status === "cached" ? "✔" : "✖",
            text: finished(event),
          })
          .start();
      spinner.text = `${event.done}/${event.total} done, ${event.running} running`;
    },
    stop: () => spinner.stop(),
  };
}
