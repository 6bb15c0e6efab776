// A lock's text (pure): every distribution the resolver pinned, each with the reason it is there: the spec
// line that asked for it, or the pins that need it.
import type { SpecToResolve } from "./resolver-input.js";

export interface LockedPin {
  name: string;
  version: string;
  /** uv's `# via` names: the distributions that need it ("-r -" for the spec itself). */
  via: string[];
}

/** uv's `--annotation-style line` output: `beta==1.0  # via alpha, gamma`. */
export function readAnnotatedPins(stdout: string): LockedPin[] {
  const out: LockedPin[] = [];
  for (const raw of stdout.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==([^\s;#]+)[^#]*(?:#\s*via\s+(.*))?$/.exec(raw.trim());
    if (m)
      out.push({
        name: m[1]!,
        version: m[2]!,
        via: (m[3] ?? "")
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      });
  }
  return out;
}

const norm = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

export interface LockHeader {
  repo: string;
  commit: string | null;
  asOf: string | null;
  python: string;
  pythonSource: string;
  indexUrl: string;
}

export function renderLock(spec: SpecToResolve, pins: readonly LockedPin[], header: LockHeader): string {
  const asked = new Map<string, string>();
  for (const l of spec.lines) {
    const name = norm(/^[A-Za-z0-9][\w.-]*/.exec(l.requirement)![0]);
    if (!asked.has(name)) asked.set(name, `${l.file}:${l.line} asks ${l.requirement}`);
  }
  const lines = [
    `# Lock of ${spec.file} for ${header.repo}${header.commit ? ` at ${header.commit.slice(0, 12)}` : ""}, written by repro-audit lock.`,
    `# Python ${header.python} (${header.pythonSource}); resolved by uv from ${header.indexUrl}` +
      (header.asOf
        ? ` with only the releases uploaded before the commit's date, ${header.asOf}.`
        : " with today's releases (no commit date)."),
    "# Install with: pip install -r <this file>",
    "",
  ];
  const width = Math.min(48, Math.max(0, ...pins.map((p) => `${p.name}==${p.version}`.length)));
  for (const p of pins) {
    const needs = p.via.filter((v) => !/^-r\b|^-c\b/.test(v));
    const why = asked.get(norm(p.name)) ?? (needs.length ? `needed by ${needs.join(", ")}` : "needed by the spec");
    lines.push(`${`${p.name}==${p.version}`.padEnd(width)}  # ${why}`);
  }
  return `${lines.join("\n")}\n`;
}
