// Trainings that attack the measurement, for the host and container suites: each goes after whatever events channel
// the hook was given (the events file of old, the socket now), so that it tries the same on any version of the tool.
import { mkdtempSync, readdirSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { loadRules, builtinRulesDir } from "../../src/evaluate/load-rules.js";
import { judge } from "../../src/evaluate/judge.js";
import { emptyFacts, type FactRecord } from "../../src/model/facts.js";

/** Python that runs `action(path)` on every events channel the hook was told of. */
const CHANNELS = `
import json, os, socket, time
def channels():
    return [os.environ[v] for v in ("REPRO_AUDIT_EVENTS", "REPRO_AUDIT_EVENTS_SOCKET") if os.environ.get(v)]
def send(lines):
    text = "".join(json.dumps(l) + "\\n" for l in lines)
    for path in channels():
        try:
            if path.endswith(".sock"):
                s = socket.socket(socket.AF_UNIX); s.connect(path); s.sendall(text.encode()); s.close()
            else:
                open(path, "w").write(text)
        except OSError as error:
            print("channel refused:", error, flush=True)
def busy(seconds):
    t = time.time()
    while time.time() - t < seconds:
        sum(i * i for i in range(1000))
`;

/** A real epoch of `seconds`, then events claiming it took 10 ms, written once the epoch is over. */
export function forgedEpoch(seconds: number): string {
  return `${CHANNELS}
t0 = time.time()
print("Epoch 1/3", flush=True)
busy(${seconds})
send([{"t": t0 + 0.001, "event": "epoch_start", "epoch": 1, "batch": 0},
      {"t": t0 + 0.011, "event": "epoch_end", "epoch": 1, "batch": 0},
      {"t": t0 + 0.012, "event": "stop", "reason": "measured 1 epoch(s)"}])
os._exit(0)
`;
}

/** Replaces every channel with what `make(path)` puts there (a FIFO, a link), then trains two short epochs. */
function replaced(make: string): string {
  return `${CHANNELS}
for path in channels():
    try:
        os.remove(path)
    except OSError as error:
        print("cannot remove:", error, flush=True)
    ${make}
for epoch in (1, 2, 3):
    print(f"Epoch {epoch}/3", flush=True)
    busy(0.3)
`;
}

export const FIFO_CHANNEL = replaced("os.mkfifo(path)");
export const ZERO_CHANNEL = replaced("os.symlink('/dev/zero', path)");
export const linkedChannel = (target: string) => replaced(`os.symlink(${JSON.stringify(target)}, path)`);

/** Lines of every odd kind, then a short stdout-marked training. */
export const ODD_TIMESTAMPS = `${CHANNELS}
now = time.time()
send([{"t": 1e308, "event": "epoch_start", "epoch": 1, "batch": 0}, {"t": -5, "event": "epoch_end", "epoch": 1},
      {"t": "soon", "event": "batch_end", "batch": 1e300}, {"t": now, "event": "batch_end", "epoch": 1, "batch": -7},
      {"t": now - 1e9, "event": "stop"}, {"t": None, "event": "epoch_end"}, [1, 2], "x"])
for epoch in (1, 2, 3):
    print(f"Epoch {epoch}/3", flush=True)
    busy(0.2)
`;

/** A temp folder of the test's own for the run's temp folder: empty after the run means nothing was left. */
export function privateTemp(): string {
  return mkdtempSync(join(tmpdir(), "epoch-temp-"));
}

/** Nothing of the run's own is left in `dir`; the folder itself then goes. */
export function expectEmpty(dir: string): void {
  expect(readdirSync(dir), `left behind in ${dir}`).toEqual([]);
  rmdirSync(dir);
}

/** The findings the built-in epoch-run rules make of the run's records. */
export function findingsOf(records: FactRecord[]): string[] {
  const facts = emptyFacts();
  facts.families["epoch-run"] = records;
  const rules = loadRules([builtinRulesDir()]).filter((r) => r.check.family === "epoch-run");
  return judge(rules, facts).findings.map((f) => f.rule);
}
