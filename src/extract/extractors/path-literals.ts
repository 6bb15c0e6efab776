// Fact family `path-literals`: absolute or machine-specific paths written in code, notebooks and configs.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { configValues, scannableConfig } from "../python/config-lines.js";
import { recordAt } from "../python/locate.js";
import { pathKind } from "../python/path-kinds.js";
import { preparePythonIndex } from "../python/repo-index.js";

export const extractor: Extractor = {
  id: "path-literals",
  async extract(ctx) {
    const records: FactRecord[] = [];
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      for (const s of file.pathStrings) {
        const kind = pathKind(s.value);
        if (kind) records.push(recordAt(file, s.line, { value: s.value, kind, source: "code" }));
      }
    }
    for (const entry of ctx.view.files()) {
      if (entry.kind !== "config" || entry.skipped || !scannableConfig(entry.path, entry.size)) continue;
      const text = ctx.view.read(entry.path);
      if (text === null) continue;
      for (const v of configValues(text)) {
        const kind = pathKind(v.value);
        if (kind) records.push({ file: entry.path, line: v.line, value: v.value, kind, source: "config" });
      }
    }
    return records;
  },
};
