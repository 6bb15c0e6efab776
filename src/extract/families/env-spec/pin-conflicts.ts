// Two specs that pin one package differently: a Dockerfile's `pip install numpy==1.18.0` after the
// `pip install -r requirements.txt` that pins numpy==1.22.3, or two requirements files at the root, one asking for
// bitsandbytes-cuda112 and the other for -cuda114, with no word on which to use. Which one the build gets depends on
// the order of the lines, and the other spec's pinned dependents may not work with it. Pure over the records read.
import type { FactRecord } from "../../../model/facts.js";
import { isDockerfilePath } from "../../../model/file-kinds.js";
import { normalizeDistribution, variantBase } from "../../python/packages.js";

interface Pin {
  file: string;
  line: number;
  name: string;
  spec: string;
}

/** The files `-r` (or `--requirement`) names, with their lines: in a Dockerfile's `pip install` lines, or anywhere in a
 * requirements file (its includes). */
function requirementInstalls(text: string, pipLines = true): Array<{ file: string; line: number }> {
  const out: Array<{ file: string; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim().startsWith("#") || (pipLines && !/\bpip3?\s+install\b/.test(raw))) return;
    for (const m of raw.matchAll(/(?:^|\s)(?:-r|--requirement)(?:\s+|=)([^\s&;|]+)/g))
      out.push({ file: m[1]!.replace(/^\.\//, ""), line: i + 1 });
  });
  return out;
}

const pinOf = (r: FactRecord): Pin | null =>
  (r.kind === "package" || r.kind === "install") &&
  typeof r.name === "string" &&
  typeof r.file === "string" &&
  typeof r.spec === "string"
    ? { file: r.file, line: typeof r.line === "number" ? r.line : 1, name: r.name, spec: r.spec }
    : null;

/** Exact pins of one package that differ (`==1.18.0` against `==1.22.3`), or two build variants of it
 * (`-cuda112` against `-cuda114`); a bound or no version against a pin is no disagreement. */
function disagree(a: Pin, b: Pin): boolean {
  if (variantBase(a.name) !== variantBase(b.name)) return false;
  if (normalizeDistribution(a.name) !== normalizeDistribution(b.name)) return true;
  const exact = (spec: string) => /^===?\s*([^\s,;]+)$/.exec(spec.trim())?.[1] ?? null;
  const [x, y] = [exact(a.spec), exact(b.spec)];
  return x !== null && y !== null && x !== y;
}

const written = (p: Pin) => `${p.name}${p.spec}`;

/** The pins two specs disagree on: each Dockerfile against the requirements files it installs with `-r`, and each
 * pair of requirements files at the root when the README's commands name neither. */
export function pinConflicts(
  records: readonly FactRecord[],
  read: (file: string) => string | null,
  readmeCommands: readonly string[],
): FactRecord[] {
  const out: FactRecord[] = [];
  const pins = records.flatMap((r) => pinOf(r) ?? []);
  const byFile = new Map<string, Pin[]>();
  for (const p of pins) (byFile.get(p.file) ?? byFile.set(p.file, []).get(p.file)!).push(p);
  const requirementFiles = records.flatMap((r) =>
    r.kind === "spec-file" && r.format === "requirements" && typeof r.file === "string" ? [r.file] : [],
  );
  // 1. A Dockerfile's own pins against the requirements files its RUN lines install: the later line wins.
  for (const dockerfile of new Set(pins.filter((p) => isDockerfilePath(p.file)).map((p) => p.file))) {
    const folder = dockerfile.includes("/") ? dockerfile.slice(0, dockerfile.lastIndexOf("/") + 1) : "";
    for (const install of requirementInstalls(read(dockerfile) ?? "")) {
      const target =
        requirementFiles.find((f) => f === install.file || f === folder + install.file) ??
        requirementFiles.find((f) => f.endsWith(`/${install.file.slice(install.file.lastIndexOf("/") + 1)}`));
      if (!target) continue;
      for (const own of byFile.get(dockerfile) ?? [])
        for (const listed of byFile.get(target) ?? []) {
          if (!disagree(own, listed)) continue;
          const later = own.line > install.line;
          out.push({
            kind: "pin-conflict",
            file: own.file,
            line: own.line,
            name: variantBase(own.name),
            pin: written(own),
            other: `${listed.file}:${listed.line} pins ${written(listed)}`,
            wins: later
              ? `the build installs ${written(own)} over it (line ${own.line} runs after the \`-r ${install.file}\` of line ${install.line})`
              : `the build installs ${written(listed)} over it (the \`-r ${install.file}\` of line ${install.line} runs after line ${own.line})`,
          });
        }
    }
  }
  // 2. Two requirements files at the root, with no README command naming either.
  const named = (file: string) => readmeCommands.some((c) => c.includes(file));
  const roots = requirementFiles.filter((f) => !f.includes("/") && !named(f));
  for (let i = 0; i < roots.length; i++)
    for (let j = i + 1; j < roots.length; j++) {
      const [a, b] = [roots[i]!, roots[j]!];
      // One that includes the other is one spec.
      const includes = (from: string, to: string) =>
        requirementInstalls(read(from) ?? "", false).some((x) => x.file === to);
      if (includes(a, b) || includes(b, a)) continue;
      for (const x of byFile.get(a) ?? [])
        for (const y of byFile.get(b) ?? []) {
          if (!disagree(x, y)) continue;
          out.push({
            kind: "pin-conflict",
            file: y.file,
            line: y.line,
            name: variantBase(y.name),
            pin: written(y),
            other: `${x.file}:${x.line} pins ${written(x)}`,
            wins: "nothing says which of the two files to install, so the environment depends on the reader's guess",
          });
        }
    }
  return out;
}
