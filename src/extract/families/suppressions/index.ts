// Fact family `suppressions`: `# repro-audit: ignore[rule-id, ...] reason` comments in Python, notebooks,
// YAML, shell scripts, requirements files and Dockerfiles. One family read by the judge, so no other
// extractor needs to know about them. A comment after code quiets its own line; a comment alone on its
// line quiets the next line that holds something other than a comment. Fields: schemas/facts/suppressions.json.
import type { FactRecord } from "../../../model/facts.js";
import type { FileRole, InventoryEntry, PythonSource } from "../../../model/repo-view.js";
import type { Extractor } from "../../extractor.js";
import { recordAt } from "../../python/locate.js";
import { filesWithRole } from "../../view/file-roles.js";

const MARK = "repro-audit:";
const COMMENT = /#\s*repro-audit:\s*ignore\[([^\]]*)\]\s*(.*)$/;
/** Files whose comments start with `#`, besides Python and notebooks, by the role the walk gave them; of the
 * configs, YAML only. */
const HASH_COMMENTED: FileRole[] = ["shell", "dockerfile", "requirements", "conda", "config"];
const hashCommented = (entry: InventoryEntry) => entry.kind !== "config" || entry.configFormat === "yaml";
const MAX_REASON = 200;

function recordsOf(source: Pick<PythonSource, "path" | "text" | "lineMap">): FactRecord[] {
  if (!source.text.includes(MARK)) return [];
  const lines = source.text.split("\n");
  const records: FactRecord[] = [];
  lines.forEach((text, i) => {
    const m = COMMENT.exec(text);
    if (!m) return;
    const rules = m[1]!
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean)
      .join(",");
    const alone = text.slice(0, m.index).trim() === "";
    let target = i + 1;
    if (alone) {
      let next = i + 1;
      while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
      target = next < lines.length ? next + 1 : i + 1;
    }
    records.push(recordAt(source, i + 1, { rules, reason: m[2]!.trim().slice(0, MAX_REASON), target }));
  });
  return records;
}

export const extractor: Extractor = {
  id: "suppressions",
  reads: [],
  roles: ["python", "notebook", ...HASH_COMMENTED],
  extract(ctx) {
    const records: FactRecord[] = [];
    for (const source of ctx.view.python()) for (const item of recordsOf(source)) records.push(item);
    for (const entry of filesWithRole(ctx.view, ...HASH_COMMENTED)) {
      if (entry.skipped || !hashCommented(entry)) continue;
      const text = ctx.view.read(entry.path);
      if (text !== null) for (const item of recordsOf({ path: entry.path, text })) records.push(item);
    }
    return records;
  },
};
