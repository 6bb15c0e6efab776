// Fact family `cli-options`: argparse and click options, with their help, default and type.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { cliOption } from "../../python/cli-option.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";

export const extractor: Extractor = {
  id: "cli-options",
  reads: [],
  roles: ["python", "notebook"],
  async extract(ctx) {
    const records: FactRecord[] = [];
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      for (const call of file.calls) {
        const opt = cliOption(call);
        if (opt) records.push(recordAt(file, call.line, { ...opt }));
      }
    }
    return records;
  },
};
