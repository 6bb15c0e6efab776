// Ask the resolver about one spec on one Python, leaving out each line it cannot judge without a build or
// cannot read (each with why), so one source-only or unreadable line never hides what the rest says.
import { allowsPython } from "../provision/python-version.js";
import type { ReleaseFile } from "./index-pages.js";
import type { AskedLine } from "./resolver-input.js";
import type { ResolverAnswer } from "./resolver-output.js";
import { normalizeName } from "./unresolvable-cause.js";

/** Past this many lines left out, the spec is not assessed rather than judged on what little remains (an old lock
 * pins many pure-Python projects that never shipped a wheel; each costs one more run of the resolver). */
const MAX_LEFT_OUT = 16;

/** What a left-out line served only for a build means: pip would build it, the resolver does not. */
const NEEDS_SOURCE_BUILD = "needs a source build: not checked here";

export interface LeftOutLine {
  file: string;
  line: number;
  why: string;
}

export interface SettledAnswer {
  answer: ResolverAnswer;
  /** The lines the answer is about. */
  asked: AskedLine[];
  leftOut: LeftOutLine[];
}

/** What every line of a spec being left out means: nothing was judged. */
export const ALL_LEFT_OUT = "every line was left out (the notes say why)";

/** A wheel a Linux x86_64 build could install: pure Python (`any`) or a linux x86_64 platform tag. */
export function hasLinuxWheel(files: readonly string[]): boolean {
  return files.some((f) => {
    const m = /-([^-]+)\.whl$/i.exec(f);
    return m !== null && m[1]!.split(".").some((tag) => tag === "any" || /^(?:many|musl)?linux.*_x86_64$/.test(tag));
  });
}

/** The asked line a stdin offset falls in (the requirements are given one a line). */
function lineAt(asked: readonly AskedLine[], offset: number): number {
  let start = 0;
  for (let i = 0; i < asked.length; i++) {
    start += asked[i]!.requirement.length + 1;
    if (offset < start) return i;
  }
  return -1;
}

const nameOf = (requirement: string) => normalizeName(/^[A-Za-z0-9][\w.-]*/.exec(requirement)?.[0] ?? "");

/**
 * `ask` runs the resolver on requirement lines for `python`; `filesOf` lists the index's files of a release (null:
 * unknown). A package uv can read only by building it is a Python mismatch when the release has no source
 * distribution for that Python (only wheels for others, or a source whose Requires-Python refuses it), else, when
 * the spec asks for it by name, a line left out: pip would build it.
 */
export async function askLeavingOut(
  lines: readonly AskedLine[],
  ask: (requirements: string[]) => Promise<ResolverAnswer>,
  filesOf: (name: string, version: string | undefined) => Promise<ReleaseFile[] | null>,
  python: string,
): Promise<SettledAnswer> {
  let asked = [...lines];
  const leftOut: LeftOutLine[] = [];
  for (;;) {
    const answer = await ask(asked.map((l) => l.requirement));
    if (answer.outcome !== "not-assessed" || answer.offline || leftOut.length >= MAX_LEFT_OUT)
      return { answer, asked, leftOut };
    let index = -1;
    let why = "";
    if (answer.unreadableAt !== undefined) {
      index = lineAt(asked, answer.unreadableAt);
      if (index >= 0) why = `the resolver cannot read ${asked[index]!.requirement} (${answer.reason})`;
    } else if (answer.needsBuild) {
      const { name, version } = answer.needsBuild;
      const files = await filesOf(name, version);
      if (files === null || files.length === 0) return { answer, asked, leftOut };
      const release = `${name}${version ? `==${version}` : ""}`;
      const names = files.map((f) => f.filename);
      const wheels = hasLinuxWheel(names);
      // pip builds a source distribution where no wheel fits, unless its Requires-Python refuses this Python.
      const sources = files.filter((f) => !/\.whl$/i.test(f.filename));
      const buildable = sources.some(
        (f) =>
          !f.requiresPython ||
          allowsPython(f.requiresPython, python, { syntax: "requires-python", unreadable: null }) !== false,
      );
      if (!buildable && (wheels || sources.length > 0))
        return {
          answer: {
            outcome: "unresolvable",
            resolutionClass: "python-conflict",
            reason: `${answer.reason} (${release} has ${wheels ? "wheels" : "a source distribution"}, none for this Python)`,
          },
          asked,
          leftOut,
        };
      index = asked.findIndex((l) => nameOf(l.requirement) === normalizeName(name));
      const line = index >= 0 ? asked[index]!.requirement : release;
      why = !buildable
        ? `${release} has no wheel for Linux x86_64 on the index, only files the resolver would have to build (what it requires is not judged)`
        : wheels && version
          ? `${line} ${NEEDS_SOURCE_BUILD} (its wheels serve other Pythons; pip would build its source distribution, which the resolver does not build; what it requires is not judged)`
          : `${line} ${NEEDS_SOURCE_BUILD} (the index serves it as a source distribution, which the resolver does not build; what it requires is not judged)`;
    }
    if (index < 0) return { answer, asked, leftOut };
    const [gone] = asked.splice(index, 1);
    leftOut.push({ file: gone!.file, line: gone!.line, why });
    if (asked.length === 0)
      return { answer: { outcome: "not-assessed", offline: false, reason: ALL_LEFT_OUT }, asked, leftOut };
  }
}
