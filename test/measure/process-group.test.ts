// Ending a training's process group, on real Python processes: TERM then KILL after the grace, and the guard that
// ends the group when its Node process is interrupted or exits (run in a Node process of its own, from dist/).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { endGroup } from "../../src/measure/process-group.js";
import { HEARTBEAT_TRAINING, heartbeatStopped, killGroup, liveMembers, until } from "../support/processes.js";

const DIST = (module: string) => fileURLToPath(new URL(`../../dist/src/measure/${module}.js`, import.meta.url));

let dir = "";
let groups: number[] = [];
afterEach(() => {
  // Nothing survives a failing test either.
  for (const pgid of groups.splice(0)) killGroup(pgid);
  rmSync(dir, { recursive: true, force: true });
});

function setUp(): { script: string; beat: string } {
  dir = mkdtempSync(join(tmpdir(), "process-group-"));
  const script = join(dir, "train.py");
  writeFileSync(script, HEARTBEAT_TRAINING);
  return { script, beat: join(dir, "beat") };
}

/** The training's group once it and its child beat. */
async function beating(beat: string): Promise<number> {
  await until(() => existsSync(`${beat}.pgid`) && existsSync(`${beat}.child`), "the training and its child to beat");
  const pgid = Number(readFileSync(`${beat}.pgid`, "utf8"));
  groups.push(pgid);
  return pgid;
}

async function expectEnded(pgid: number, beat: string): Promise<void> {
  await until(() => liveMembers(pgid).length === 0, `the process group ${pgid} to end`);
  expect(await heartbeatStopped(beat)).toBe(true);
  expect(await heartbeatStopped(`${beat}.child`)).toBe(true);
}

describe("endGroup", () => {
  it("ends a group with TERM, and the rest of it (its leader gone) too", async () => {
    const { script, beat } = setUp();
    // The leader exits at once: only the training, in the background, and its child are left in the group.
    const leader = spawn("sh", ["-c", `python3 ${script} ${beat} >/dev/null 2>&1 & exit 0`], {
      detached: true,
      stdio: "ignore",
    });
    const pgid = await beating(beat);
    expect(pgid).toBe(leader.pid);
    await endGroup(pgid, 60_000);
    expect(liveMembers(pgid)).toEqual([]);
    expect(existsSync(`${beat}.term`)).toBe(false);
    await expectEnded(pgid, beat);
  });

  it("kills a group that ignores TERM once the grace is over, having sent TERM first", async () => {
    const { script, beat } = setUp();
    spawn("python3", [script, beat, "ignore-term"], { detached: true, stdio: "ignore" });
    const pgid = await beating(beat);
    // A grace long enough for both Pythons to run their TERM handler on a busy machine before the KILL.
    await endGroup(pgid, 3000);
    expect(liveMembers(pgid)).toEqual([]);
    // Both Pythons saw the TERM (and ignored it) before the KILL.
    expect(readFileSync(`${beat}.term`, "utf8")).toBe("TERM\n");
    expect(readFileSync(`${beat}.child.term`, "utf8")).toBe("TERM\n");
    await expectEnded(pgid, beat);
  });
});

/** A Node process that starts the training in a group of its own, guards it, then does `then` once it beats. */
function guarded(script: string, beat: string, then: string) {
  const program = `
    import { spawn } from "node:child_process";
    import { existsSync } from "node:fs";
    import { guardGroup } from ${JSON.stringify(DIST("process-group"))};
    const child = spawn("python3", [${JSON.stringify(script)}, ${JSON.stringify(beat)}], { detached: true, stdio: "ignore" });
    guardGroup(child.pid);
    const wait = setInterval(() => {
      if (!existsSync(${JSON.stringify(`${beat}.child`)})) return;
      clearInterval(wait);
      ${then}
    }, 50);
  `;
  const node = spawn(process.execPath, ["--input-type=module", "-e", program], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  node.stdout.on("data", (d: Buffer) => (output += d.toString()));
  node.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const ended = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    node.on("exit", (code, signal) => resolve({ code, signal, output })),
  );
  return { node, ended, said: () => output };
}

describe("guardGroup", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "ends the group on %s and, with no handler of the program's own, lets the signal end the process",
    async (signal) => {
      const { script, beat } = setUp();
      const { node, ended, said } = guarded(script, beat, `console.log("beating"); setInterval(() => {}, 1000);`);
      const pgid = await beating(beat);
      await until(() => said().includes("beating"), "the guarding process to see the beat");
      node.kill(signal);
      const end = await ended;
      expect(end).toEqual({ code: null, signal, output: "beating\n" });
      await expectEnded(pgid, beat);
    },
  );

  it("ends the group and leaves the decision to the program's own handler", async () => {
    const { script, beat } = setUp();
    const { node, ended, said } = guarded(
      script,
      beat,
      `process.on("SIGTERM", () => { console.log("handled"); setTimeout(() => process.exit(7), 200); }); console.log("beating");`,
    );
    const pgid = await beating(beat);
    await until(() => said().includes("beating"), "the guarding process to see the beat");
    node.kill("SIGTERM");
    expect(await ended).toEqual({ code: 7, signal: null, output: "beating\nhandled\n" });
    await expectEnded(pgid, beat);
  });

  it.each([
    ["process.exit", "process.exit(5)", 5],
    ["an uncaught error", `throw new Error("boom")`, 1],
  ])("ends the group when its process ends by %s", async (_what, then, code) => {
    const { script, beat } = setUp();
    const { ended } = guarded(script, beat, then);
    const pgid = await beating(beat);
    expect((await ended).code).toBe(code);
    await expectEnded(pgid, beat);
  });
});
