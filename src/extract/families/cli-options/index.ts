// Fact family `cli-options`: argparse and click options, with their help, default and type.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { cliOption } from "../../python/cli-option.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";
import { filesWithRole } from "../../view/file-roles.js";
import { explainedBy, explainingLines } from "./explained.js";

export const extractor: Extractor = {
  id: "cli-options",
  reads: [],
  roles: ["python", "notebook", "readme"],
  async extract(ctx) {
    const records: FactRecord[] = [];
    const readmes = filesWithRole(ctx.view, "readme").map((e) => ({
      file: e.path,
      lines: explainingLines(ctx.view.read(e.path) ?? ""),
    }));
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      for (const call of file.calls) {
        const opt = cliOption(call);
        if (!opt) continue;
        const explained = opt.hasHelp ? null : explainedBy(call, opt.option, readmes);
        records.push(recordAt(file, call.line, { ...opt, ...(explained ? { explained } : {}) }));
      }
    }
    return records;
  },
};
