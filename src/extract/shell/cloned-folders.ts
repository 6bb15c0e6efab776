// The folders a documented `git clone` makes (a README's commands, a setup script, a Dockerfile's RUN): code the
// code may reach through sys.path that the clone provides, not the repo's own. Pure over the repo view.
import type { RepoView } from "../../model/repo-view.js";
import { filesWithRole } from "../view/file-roles.js";

/** `git clone` options that take a value of their own. */
const VALUED = new Set([
  "-b",
  "--branch",
  "--depth",
  "-o",
  "--origin",
  "-c",
  "--config",
  "--reference",
  "-j",
  "--jobs",
]);

/** The clone a line makes: its URL and its folder (the named one, else the URL's last name without .git). */
export function cloneOf(line: string): { url: string; folder: string } | null {
  const at = /\bgit\s+clone\s+(.*)$/.exec(line);
  if (!at) return null;
  const words = at[1]!
    .split(/\s*(?:&&|\|\||;|\|)\s*/)[0]!
    .trim()
    .split(/\s+/);
  const plain: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^["']|["']$/g, "");
    if (w.startsWith("-")) {
      if (VALUED.has(w)) i++;
      continue;
    }
    if (w) plain.push(w);
  }
  const url = plain[0];
  if (!url || !/(?:^[\w+]+:\/\/|^git@)/.test(url)) return null;
  const named = plain[1]?.replace(/^\.\/|\/+$/g, "");
  const folder =
    named && named !== "." ? named : (url.replace(/\/+$/, "").split(/[/:]/).pop() ?? "").replace(/\.git$/, "");
  return folder ? { url, folder } : null;
}

/** Each folder a clone makes, from the repo root, with "url (file:line)"; the first clone of a folder wins. */
export function clonedFolders(view: RepoView): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of filesWithRole(view, "readme", "docs", "shell", "dockerfile")) {
    if (entry.skipped || entry.size > 1_000_000) continue;
    const lines = (view.read(entry.path) ?? "").split("\n");
    lines.forEach((text, i) => {
      if (text.trimStart().startsWith("#") && !/^\s*#\s*git\s/.test(text)) return;
      const clone = cloneOf(text.replace(/^\s*(?:RUN|\$|>)\s+/i, ""));
      if (clone && !out.has(clone.folder)) out.set(clone.folder, `${clone.url} (${entry.path}:${i + 1})`);
    });
  }
  return out;
}
