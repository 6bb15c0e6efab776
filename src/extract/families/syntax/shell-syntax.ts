// Shell scripts that bash cannot parse, one record per script at bash's first error (`bash -n`, src/io).
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { bashSyntaxError } from "../../../io/bash-syntax.js";
import { filesWithRole } from "../../view/file-roles.js";

/** How many scripts one audit checks: past that, a tree of vendored tooling, not the solution's launchers. */
const MAX_SCRIPTS = 300;
/** Scripts checked at once. */
const AT_ONCE = 4;

/** A script bash is meant to run: a .sh or .bash file whose shebang, if any, names sh or bash. */
function isBashScript(path: string, text: string): boolean {
  if (!/\.(?:sh|bash)$/i.test(path)) return false;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (!shebang) return true;
  const program = (shebang[1]!.endsWith("/env") ? (shebang[2] ?? "") : shebang[1]!).split("/").pop()!;
  return /^(?:ba|da)?sh$/.test(program);
}

export async function shellSyntaxRecords(view: RepoView): Promise<FactRecord[]> {
  const scripts: { path: string; text: string }[] = [];
  for (const entry of filesWithRole(view, "shell")) {
    if (entry.skipped) continue;
    const text = view.read(entry.path);
    if (text !== null && isBashScript(entry.path, text)) scripts.push({ path: entry.path, text });
    if (scripts.length >= MAX_SCRIPTS) break;
  }
  const records: FactRecord[] = [];
  for (let i = 0; i < scripts.length; i += AT_ONCE) {
    const batch = scripts.slice(i, i + AT_ONCE);
    const errors = await Promise.all(batch.map((s) => bashSyntaxError(s.text)));
    batch.forEach((s, k) => {
      const error = errors[k];
      if (error) records.push({ file: s.path, line: error.line, message: error.message, checkedBy: "bash" });
    });
  }
  return records;
}
