// The `readme` family: the READMEs, their sections, the commands they give and the files and branches they name.
import type { FactRecord } from "../../model/facts.js";
import type { RepoView } from "../../model/repo-view.js";
import type { Extractor } from "../extractor.js";
import { parseReadme } from "../readme-parse.js";
import { isLocal, joinRel, parseCommand } from "../readme-commands.js";

const ROOT_README = /^readme(\.(md|markdown|rst|txt|org))?$/i;
const DOCS = /^docs?\/.*\.(md|markdown|rst)$/i;
const MAX_DOCS = 20;
/** Extensions of files a README names that the repo itself should ship (outputs and data are left out). */
const MENTIONED = /\.(py|sh|ipynb|ya?ml|toml|cfg|ini|r)$|(^|\/)(requirements[\w.-]*\.txt|environment\.ya?ml|Dockerfile|setup\.py|Makefile)$/i;

export const extractor: Extractor = {
  id: "readme",
  extract({ view, branches }) {
    const readmes = view
      .files()
      .filter((f) => !f.skipped && f.kind === "text" && (ROOT_README.test(f.path) || DOCS.test(f.path)))
      .sort((a, b) => Number(DOCS.test(a.path)) - Number(DOCS.test(b.path)))
      .slice(0, MAX_DOCS + 4);
    const records: FactRecord[] = [];
    for (const entry of readmes) {
      const text = view.read(entry.path);
      if (text === null) continue;
      records.push({ kind: "readme", file: entry.path, place: ROOT_README.test(entry.path) ? "root" : "docs" });
      records.push(...readmeFacts(entry.path, text, view, branches));
    }
    return records;
  },
};

function readmeFacts(file: string, text: string, view: RepoView, branches: readonly string[] | null): FactRecord[] {
  const parts = parseReadme(text);
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  const records: FactRecord[] = parts.sections.map((s) => ({ kind: "section", file, line: s.line, title: s.title }));
  const seen = new Set<string>();
  const mention = (line: number, target: "file" | "branch", name: string, exists: boolean | null) => {
    const key = `${target}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    records.push({ kind: "mention", file, line, target, name, exists });
  };
  const fileExists = (path: string) => view.has(path) || view.isDir(path);
  const mentionFile = (line: number, raw: string, fromReadmeDir: boolean) => {
    const clean = raw.replace(/[#?].*$/, "").replace(/[.,:;]+$/, "");
    if (!isLocal(clean) || !MENTIONED.test(clean)) return;
    const fromRoot = joinRel("", clean);
    const fromDir = joinRel(dir, clean);
    // Links are relative to the README's folder, commands usually to the root: try both, name the likelier.
    const name = fileExists(fromRoot) ? fromRoot : fileExists(fromDir) || fromReadmeDir ? fromDir : fromRoot;
    if (name.startsWith("..")) return;
    mention(line, "file", name, fileExists(fromRoot) || fileExists(fromDir));
  };
  const mentionBranch = (line: number, name: string) => {
    const clean = name.replace(/^origin\//, "");
    if (clean === "" || /[\s`'"]/.test(clean)) return;
    mention(line, "branch", clean, branches === null ? null : branches.includes(clean) || branches.includes(`origin/${clean}`));
  };

  const candidates = [
    ...parts.code.map((c) => ({ ...c, inline: false })),
    ...parts.inline.filter((c) => /\s/.test(c.text)).map((c) => ({ ...c, inline: true })),
  ].sort((a, b) => a.line - b.line);
  for (const { line, text: codeLine } of candidates) {
    const command = parseCommand(codeLine);
    if (!command) continue;
    const script = command.script ?? command.moduleFiles.find((p) => view.has(p)) ?? null;
    records.push({ kind: "command", file, line, command: command.command, purpose: command.purpose, script });
    if (command.script) mentionFile(line, command.script, false);
    for (const input of command.inputs) mentionFile(line, input, false);
    for (const branch of command.branches) mentionBranch(line, branch);
  }
  for (const { line, text: span } of parts.inline) if (!/\s/.test(span)) mentionFile(line, span, false);
  for (const { line, target } of parts.links) {
    const tree = /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/tree\/([^?#\s]+)/.exec(target);
    if (tree) mentionBranch(line, branchOfTreePath(tree[1]!, branches));
    else mentionFile(line, decodeURIComponentSafe(target), true);
  }
  for (const { line, text: prose } of parts.prose) {
    for (const m of prose.matchAll(/\bbranch(?:es)?\s+(?:called\s+|named\s+)?[`'"]([^`'"\s]+)[`'"]/gi)) mentionBranch(line, m[1]!);
    for (const m of prose.matchAll(/[`'"]([^`'"\s]+)[`'"]\s+branch\b/gi)) mentionBranch(line, m[1]!);
    for (const m of prose.matchAll(/(?<!\]\()https?:\/\/(?:www\.)?github\.com\/[^/\s]+\/[^/\s]+\/tree\/([^?#\s)]+)/g)) {
      mentionBranch(line, branchOfTreePath(m[1]!, branches));
    }
  }
  // In reading order (sort is stable: within a line, sections, commands, then mentions as found).
  return records.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** ".../tree/feature/x/src": the longest prefix that is a known branch, else the first segment. */
function branchOfTreePath(path: string, branches: readonly string[] | null): string {
  const segments = path.split("/");
  for (let n = segments.length; n > 1; n--) {
    const candidate = segments.slice(0, n).join("/");
    if (branches?.includes(candidate)) return candidate;
  }
  return segments[0]!;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
