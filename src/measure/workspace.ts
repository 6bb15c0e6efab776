// The run's private temp folder, named after the run: the repo's copy, the hook, the events socket's folder.
import { execa } from "execa";
import { cp, lstat, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { hookDir } from "./launch.js";

export interface Workspace {
  dir: string;
  /** The repo's copy: mounted read-only into a container (copied into its sized tmpfs there), the run's folder on the host. */
  source: string;
  hook: string;
  /** Holds only the events socket; mounted read-only, so the training cannot replace it. */
  channel: string;
  cidFile: string;
}

const SKIP_IN_COPY = new Set([".git", "node_modules", ".venv", "venv", "__pycache__"]);

/** Files, folders and links are copied; FIFOs, sockets and devices in a repo are left out. */
async function copyable(root: string, src: string): Promise<boolean> {
  if (
    SKIP_IN_COPY.has(
      src
        .slice(root.length + 1)
        .split("/")
        .pop() ?? "",
    )
  )
    return false;
  const st = await lstat(src).catch(() => null);
  return !!st && (st.isFile() || st.isDirectory() || st.isSymbolicLink());
}

/** `tempRoot`/`name`, created anew (an existing folder of that name is an error, never reused); removed on failure. */
export async function prepareWorkspace(root: string, tempRoot: string, name: string): Promise<Workspace> {
  const dir = join(tempRoot, name);
  await mkdir(dir, { mode: 0o700 });
  const ws: Workspace = {
    dir,
    source: join(dir, "source"),
    hook: join(dir, "hook"),
    channel: join(dir, "channel"),
    cidFile: join(dir, "cid"),
  };
  try {
    // A link stays a link: inside the container it resolves there, never to the host.
    await cp(root, ws.source, { recursive: true, verbatimSymlinks: true, filter: (src) => copyable(root, src) });
    // Readable by the container's uid 1000, which copies it into its own tmpfs.
    await execa("chmod", ["-R", "a+rX", ws.source], { reject: false });
    await cp(hookDir(), ws.hook, { recursive: true });
    await mkdir(ws.channel, { mode: 0o755 });
    return ws;
  } catch (error) {
    await removeWorkspace(dir);
    throw error;
  }
}

/** Removes the folder whatever the run left in it (a host run may leave folders without write permission). */
export async function removeWorkspace(ws: Workspace | string): Promise<void> {
  const dir = typeof ws === "string" ? ws : ws.dir;
  await execa("chmod", ["-R", "u+rwX", dir], { reject: false });
  await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}
