// Specs a documented step installs with `uv pip sync`: sync installs the listed pins as they are, without
// resolving them (no dependency is added or checked unless --strict), so a resolver's conflict between two of
// its exact pins does not stop that install; it leaves an inconsistent set (pure).
import { posix } from "node:path";

const SYNC = /\buv\s+pip\s+sync\b((?:\s+[^\s;&|]+)+)/;

/** The spec files (repo paths) each `uv pip sync` line installs, with the first "file:line" that does; a script's
 * relative path is read from the script's folder, then from the root. */
export function syncedSpecs(
  lines: ReadonlyArray<{ file: string; line: number; text: string }>,
  has: (path: string) => boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, line, text } of lines) {
    const sync = SYNC.exec(text.replace(/(^|\s)#.*$/, ""));
    if (!sync || /\s--strict\b/.test(sync[1]!)) continue;
    for (const arg of sync[1]!.trim().split(/\s+/)) {
      if (arg.startsWith("-")) continue;
      const from = /\.(?:sh|bash)$/i.test(file) ? posix.dirname(file) : ".";
      const target = [posix.normalize(posix.join(from, arg)), posix.normalize(arg)].find(
        (p) => !p.startsWith("..") && has(p),
      );
      if (target && !out.has(target)) out.set(target, `${file}:${line}`);
    }
  }
  return out;
}
