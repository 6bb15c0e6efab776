// Entry of a batch's audit process: it takes audits from its parent over IPC, runs the library's audit()
// for each (several at once when the batch asks) and sends back each report or its error's one line.
// Audits run in processes of their own so the batch can stop a stuck one, and the git or engine commands
// under it, and go on.
import { audit, type AuditOptions } from "../pipeline.js";
import { AuditError, oneLine } from "../model/errors.js";
import { rmSync } from "node:fs";
import { OWN_TMP_ENV, type ChildMessage, type ParentMessage } from "./audit-child.js";

const running = new Map<number, AbortController>();
let stopping = false;

/** Stop every audit: their stages remove their containers; the git and engine commands of this process
 * group get SIGTERM too, so a clone that waits on a silent server ends now rather than at git's timeout. */
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const controller of running.values()) controller.abort(new Error("interrupted"));
  try {
    process.kill(-process.pid, "SIGTERM");
  } catch {
    // not a group leader (started by hand): the aborts alone have to do
  }
  if (running.size > 0 && !process.connected) setTimeout(() => process.kill(-process.pid, "SIGKILL"), 10_000).unref();
  if (running.size === 0 && process.connected) process.disconnect();
};
// SIGTERM from the batch (a timeout, Ctrl-C); the process ends once its IPC channel closes.
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The batch is gone (killed): stop, and take what still runs with this process group after a grace period.
process.on("disconnect", stop);
// The temp folder the batch made for this process alone: gone with it, even when the batch died first.
const ownTmp = process.env[OWN_TMP_ENV];
if (ownTmp && ownTmp === process.env["TMPDIR"])
  process.on("exit", () => rmSync(ownTmp, { recursive: true, force: true, maxRetries: 3 }));

const send = (message: ChildMessage) =>
  new Promise<void>((done) => (process.connected ? process.send!(message, () => done()) : done()));
const maxRssKB = () => process.resourceUsage().maxRSS;

async function run(id: number, options: AuditOptions): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  if (stopping) controller.abort(new Error("interrupted"));
  try {
    const { report } = await audit({ ...options, signal: controller.signal });
    await send({ id, kind: "report", report, maxRssKB: maxRssKB() });
  } catch (error) {
    const code = error instanceof AuditError ? error.code : "INTERNAL";
    await send({ id, kind: "error", code, line: oneLine(error).replace(/^repro-audit: /, ""), maxRssKB: maxRssKB() });
  } finally {
    running.delete(id);
    if (stopping && running.size === 0 && process.connected) process.disconnect();
  }
}

process.on("message", (message: ParentMessage) => {
  if (message.type === "abort") running.get(message.id)?.abort(new Error("interrupted"));
  else void run(message.id, message.options);
});
