// A copy of this repository as a checkout of it holds it: tracked files plus the work not yet committed (no
// node_modules, no dist/): what `uses:` downloads, what `npm pack` packs from a clone.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { ACTION_ROOT } from "./action-runner.js";

/** Copies the checkout's files into `target` (created) and returns it. */
export function bareCheckout(target: string): string {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ACTION_ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ACTION_ROOT, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(ACTION_ROOT, file), join(target, file));
  }
  return target;
}
