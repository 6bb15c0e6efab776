// What the build installs from a lock (pure): the resolver's pins for a spec, its wheel URLs beside them,
// or why the spec is installed as written instead.
import type { BuildLock } from "../model/build-lock.js";
import type { SpecToResolve } from "./resolver-input.js";

/** A wheel URL the audit writes into a Dockerfile: plain characters only, nothing a shell or pip reads twice. */
const PLAIN_WHEEL_URL = /^https?:\/\/[A-Za-z0-9._~:/%+@=,-]+\.whl$/;

/** A pin as the audit writes it into a Dockerfile: PEP 508 name and PEP 440 version characters only. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PLAIN_VERSION = /^[A-Za-z0-9][A-Za-z0-9.+!_-]*$/;

const norm = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

export function buildLockOf(
  spec: SpecToResolve,
  python: string,
  pins: ReadonlyArray<{ name: string; version: string }>,
  asOf: string | null,
): BuildLock | { unused: string } {
  // A line the resolver was not asked (a VCS URL, a local path) would be lost from a lock-only install.
  if (spec.skipped.length > 0)
    return {
      unused: `${spec.skipped.length} line(s) of ${spec.file} are not in the lock (${spec.skipped[0]!.why}), so the spec is installed as written`,
    };
  if (pins.length === 0) return { unused: `the lock of ${spec.file} pins nothing` };
  // A `+cu118` build was asked by its version only: the lock's index release is not the build it names.
  const local = spec.lines.find((l) => !l.url && l.rewritten);
  if (local)
    return {
      unused: `${local.file}:${local.line} names a build (${local.rewritten}) the lock would replace by its index release, so the spec is installed as written`,
    };
  const odd = pins.find((p) => !PLAIN_NAME.test(p.name) || !PLAIN_VERSION.test(p.version));
  if (odd)
    return {
      unused: `the lock of ${spec.file} holds a pin the audit does not write into a Dockerfile (${JSON.stringify(`${odd.name}==${odd.version}`.slice(0, 80))})`,
    };
  const wheels: BuildLock["wheels"] = [];
  for (const line of spec.lines) {
    if (!line.url || !PLAIN_WHEEL_URL.test(line.url)) continue;
    const name = /^[A-Za-z0-9][\w.-]*/.exec(line.requirement)![0];
    const pin = pins.find((p) => norm(p.name) === norm(name));
    if (pin) wheels.push({ name: pin.name, url: line.url, version: pin.version });
  }
  return {
    specFile: spec.file,
    python: {
      version: python,
      source: spec.python.stated
        ? spec.python.source
        : python === spec.python.version
          ? "default (the spec states none)"
          : "the oldest Python it installs on with wheels only (the spec states none; the default has none for its pins)",
    },
    asOf,
    pins: pins.map((p) => ({ name: p.name, version: p.version })),
    wheels,
  };
}
