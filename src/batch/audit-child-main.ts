// Entry of a batch's audit process: it takes audits from its parent over IPC, one at a time, runs the
// library's audit() for each and sends back the report or the error's one line. Audits run in processes of
// their own so the batch can stop a stuck one (and the git or engine commands under it) and go on.
import { audit, type AuditOptions } from "../pipeline.js";
import { AuditError, oneLine } from "../model/errors.js";
import type { ChildMessage, ChildRequest } from "./audit-child.js";

let current: AbortController | null = null;
let stopping = false;
const stop = () => {
  stopping = true;
  current?.abort(new Error("interrupted"));
};
// SIGTERM from the batch: stop the audit (its stages remove their containers); the batch ends this process.
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The batch is gone (killed): stop, and take the commands still running with this process group.
process.on("disconnect", () => {
  stop();
  if (current) setTimeout(() => process.kill(-process.pid, "SIGKILL"), 10_000).unref();
});

const send = (message: ChildMessage) => new Promise<void>((done) => (process.connected ? process.send!(message, () => done()) : done()));

process.on("message", async (request: ChildRequest) => {
  const controller = new AbortController();
  current = controller;
  if (stopping) controller.abort(new Error("interrupted"));
  const maxRssKB = () => process.resourceUsage().maxRSS;
  try {
    const options: AuditOptions = { ...request.options, signal: controller.signal };
    const { report } = await audit(options);
    await send({ id: request.id, kind: "report", report, maxRssKB: maxRssKB() });
  } catch (error) {
    const code = error instanceof AuditError ? error.code : "INTERNAL";
    await send({ id: request.id, kind: "error", code, line: oneLine(error).replace(/^repro-audit: /, ""), maxRssKB: maxRssKB() });
  } finally {
    current = null;
    if (stopping && process.connected) process.disconnect();
  }
});
