// Two specs that pin one package differently: a Dockerfile's `pip install numpy==1.18.0` after the
// `pip install -r requirements.txt` that pins numpy==1.22.3, or two requirements files at the root, one asking for
// bitsandbytes-cuda112 and the other for -cuda114, with no word on which to use. Which one the build gets depends on
// the order of the lines, and the other spec's pinned dependents may not work with it. Pure over the records read.
import type { FactRecord } from "../../../model/facts.js";
import { normalizeDistribution, variantBase } from "../../python/packages.js";
import { dockerfileRequirements, requirementInstalls } from "./dockerfile-requirements.js";

interface Pin {
  file: string;
  line: number;
  name: string;
  spec: string;
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

/** A requirements file whose name marks a platform or device (`requirements_windows.txt`, `-cpu`, `_colab`): a
 * variant of the main file for another machine, not a rival spec of the same environment. */
const PLATFORM_VARIANT =
  /[-_.](?:windows|win(?:32|64)?|mac(?:os)?|osx|darwin|linux|cpu|gpu|cuda\d*|colab|kaggle|m1|apple|rocm)(?=[-_.])/i;

/** The pins two specs disagree on: each Dockerfile against the requirements files it installs with `-r`, and each
 * pair of requirements files at the root (one record per pair), with which of the two a plan step installs. */
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
  const dockerfiles = records.flatMap((r) =>
    r.kind === "spec-file" && r.format === "dockerfile" && typeof r.file === "string" ? [r.file] : [],
  );
  // 1. A Dockerfile's own pins against the requirements files its RUN lines install: the later line wins.
  const dockerInstalls = new Map<string, string>(); // requirements file -> the Dockerfile line that installs it
  for (const dockerfile of dockerfiles)
    for (const install of dockerfileRequirements(dockerfile, read(dockerfile) ?? "", requirementFiles)) {
      if (!dockerInstalls.has(install.target)) dockerInstalls.set(install.target, `${dockerfile}:${install.line}`);
      for (const own of byFile.get(dockerfile) ?? [])
        for (const listed of byFile.get(install.target) ?? []) {
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
  // 2. Two requirements files at the root: one record per pair, listing the packages they pin differently.
  const named = (file: string) => readmeCommands.some((c) => c.includes(file));
  const how = (file: string) => (named(file) ? "the README's install command" : (dockerInstalls.get(file) ?? null));
  const roots = requirementFiles.filter((f) => !f.includes("/"));
  for (let i = 0; i < roots.length; i++)
    for (let j = i + 1; j < roots.length; j++) {
      const [a, b] = [roots[i]!, roots[j]!];
      // The README naming both says what to install; one that includes the other is one spec.
      if (named(a) && named(b)) continue;
      const includes = (from: string, to: string) =>
        requirementInstalls(read(from) ?? "", false).some((x) => x.file === to);
      if (includes(a, b) || includes(b, a)) continue;
      const pairs = (byFile.get(a) ?? []).flatMap((x) =>
        (byFile.get(b) ?? []).flatMap((y) => (disagree(x, y) ? [{ x, y }] : [])),
      );
      if (pairs.length === 0) continue;
      const installed = [a, b].filter((f) => how(f) !== null);
      const variant = [a, b].find((f) => PLATFORM_VARIANT.test(f));
      const alternative = installed.length === 1 || (installed.length === 0 && variant !== undefined);
      const wins =
        installed.length === 1
          ? `the plan installs ${installed[0]!} (${how(installed[0]!)!}); ${[a, b].find((f) => f !== installed[0])!} is an alternative off the plan`
          : variant !== undefined && installed.length === 0
            ? `${variant} is a variant for another platform (its name says so), not a rival of the other file`
            : installed.length === 2
              ? `both files are installed (${how(a)!}; ${how(b)!}), and the later install wins`
              : "nothing says which of the two files to install, so the environment depends on the reader's guess";
      const first = pairs[0]!;
      out.push({
        kind: "pin-conflict",
        file: first.y.file,
        line: first.y.line,
        name: [...new Set(pairs.map((p) => variantBase(p.y.name)))].join(", "),
        pin: pairs.map((p) => written(p.y)).join(", "),
        other: `${a} pins ${pairs.map((p) => `${written(p.x)} (line ${p.x.line})`).join(", ")}`,
        wins,
        ...(alternative ? { alternative: true } : {}),
      });
    }
  return out;
}
