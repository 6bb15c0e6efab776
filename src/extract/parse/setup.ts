// Read setup.py (install_requires / python_requires as literals, never executed) and setup.cfg [options].
import type { FactRecord } from "../../model/facts.js";
import { indexProjectFields } from "./index-projects.js";
import { parseRequirement } from "./pep508.js";
import { cudaFromPackage, packageRecord, pythonRecord } from "./records.js";

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function requirementAt(file: string, line: number, entry: string, records: FactRecord[]): void {
  const req = parseRequirement(entry);
  if (!req) return;
  records.push({ ...packageRecord(file, line, req), ...indexProjectFields(req.name, req.url ?? req.spec, req.marker) });
  const cuda = cudaFromPackage(file, line, req.name, req.spec, req.extras);
  if (cuda) records.push(cuda);
}

/** Literal lists only: `install_requires=["a==1", 'b']`; a computed list is not guessed at. */
export function parseSetupPyText(file: string, text: string): FactRecord[] {
  const records: FactRecord[] = [];
  const python = /python_requires\s*=\s*(["'])([^"']+)\1/.exec(text);
  if (python) records.push(pythonRecord(file, lineAt(text, python.index), python[2]!));
  const list = /install_requires\s*=\s*\[([^\]]*)\]/.exec(text);
  if (list) {
    const base = list.index + list[0].indexOf("[") + 1;
    for (const item of list[1]!.matchAll(/(["'])([^"'\n]+)\1/g)) {
      requirementAt(file, lineAt(text, base + item.index), item[2]!, records);
    }
  }
  return records;
}

/** setup.cfg: `[options] install_requires =` (one per continuation line) and `python_requires`; null
 * when the file declares neither (a setup.cfg that only configures flake8 is no environment spec). */
export function parseSetupCfgText(file: string, text: string): FactRecord[] | null {
  const lines = text.split(/\r?\n/);
  const records: FactRecord[] = [];
  let section = "";
  let inRequires = false;
  let declares = false;
  lines.forEach((raw, i) => {
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1]!.trim();
      inRequires = false;
      return;
    }
    if (section !== "options") return;
    const key = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(raw);
    if (key) {
      inRequires = key[1] === "install_requires";
      if (inRequires) declares = true;
      if (key[1] === "python_requires") {
        declares = true;
        records.push(pythonRecord(file, i + 1, key[2]!));
      }
      if (inRequires && key[2]!.trim()) requirementAt(file, i + 1, key[2]!.trim(), records);
      return;
    }
    if (inRequires && /^\s+\S/.test(raw) && !raw.trim().startsWith("#"))
      requirementAt(file, i + 1, raw.trim(), records);
  });
  return declares ? records : null;
}
