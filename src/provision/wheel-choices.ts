// Which of the lock's wheel URLs the image installed, read back from the file its wheel steps wrote (pure):
// a URL that did not answer left its index version there instead, and the report says so.
import type { BuildLock } from "../model/build-lock.js";

export function substitutedWheelNotes(lock: BuildLock, written: string): string[] {
  const lines = new Set(written.split(/\r?\n/).map((l) => l.trim()));
  return lock.wheels
    .filter((w) => !lines.has(`${w.name} @ ${w.url}`) && lines.has(`${w.name}==${w.version}`))
    .map(
      (w) =>
        `Build: the wheel URL ${w.url} did not answer; ${w.name}==${w.version} was installed from the index in its place.`,
    );
}
