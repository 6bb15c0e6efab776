// Entry of a batch's audit process: it takes audits from its parent over IPC, one at a time, runs the
// library's audit() for each and sends back the report or the error's one line. Audits run in processes of
// their own so the batch can stop a stuck one (and the git or engine commands under it) and go on.
import { audit, type AuditOptions } from "../pipeline.js";
import { AuditError, oneLine } from "../model/errors.js";
import type { ChildMessage, ChildRequest } from "./audit-child.js";

let current: AbortController | null = null;
let stopping = false;
/** Stop the audit: its stages remove their containers; the git and engine commands of this process group
 * get SIGTERM too, so a clone that waits on a silent server ends now rather than at git's own timeout. */
const stop = () => {
  if (stopping) return;
  stopping = true;
  current?.abort(new Error("interrupted"));
  try {
    process.kill(-process.pid, "SIGTERM");
  } catch {
    // not a group leader (started by hand): the abort alone has to do
  }
  if (current && !process.connected) setTimeout(() => process.kill(-process.pid, "SIGKILL"), 10_000).unref();
};
// SIGTERM from the batch (a timeout, Ctrl-C); the process ends once its IPC channel closes.
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The batch is gone (killed): stop, and take what still runs with this process group after a grace period.
process.on("disconnect", stop);

const send = (message: ChildMessage) => new Promise<void>((done) => (process.connected ? process.send!(message, () => done()) : done()));

process.on("message", async (request: ChildRequest) => {
  const controller = new AbortController();
  current = controller;
  if (stopping) controller.abort(new Error("interrupted"));
  const maxRssKB = () => process.resourceUsage().maxRSS;
  try {
    const options: AuditOptions = { ...request.options, signal: controller.signal };
    const { report } = await audit(options);
    await send({ id: request.id, kind: "report", report, maxRssKB: maxRssKB() });
  } catch (error) {
    const code = error instanceof AuditError ? error.code : "INTERNAL";
    await send({ id: request.id, kind: "error", code, line: oneLine(error).replace(/^repro-audit: /, ""), maxRssKB: maxRssKB() });
  } finally {
    current = null;
    if (stopping && process.connected) process.disconnect();
  }
});
