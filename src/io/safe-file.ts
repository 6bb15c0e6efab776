// Reading a small file that may be hostile: regular files only, never through a link, never blocking, capped.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, relative } from "node:path";

export type FileRead = { ok: true; text: string } | { ok: false; problem: string };

/** Whether `path`'s real location lies inside `root`'s real location (links resolved on both sides). */
export function insideRoot(root: string, path: string): boolean {
  try {
    const rel = relative(realpathSync(root), realpathSync(path));
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  } catch {
    return false;
  }
}

/**
 * The UTF-8 text of `path` when it is a regular file of at most `maxBytes`; otherwise why not, in words.
 * O_NOFOLLOW refuses a final symlink and O_NONBLOCK keeps a FIFO from hanging the open; fstat on the
 * opened descriptor then rules out FIFOs, devices and sockets that were swapped in after the lstat.
 */
export function readRegularFile(path: string, maxBytes: number): FileRead {
  let fd: number | undefined;
  try {
    const before = lstatSync(path);
    if (before.isSymbolicLink()) return { ok: false, problem: "is a symbolic link" };
    if (!before.isFile()) return { ok: false, problem: "is not a regular file" };
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: "is not a regular file" };
    if (stats.size > maxBytes) return { ok: false, problem: `is over ${formatBytes(maxBytes)}` };
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { ok: false, problem: `is over ${formatBytes(maxBytes)}` };
    }
    return { ok: true, text: buffer.subarray(0, length).toString("utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, problem: "does not exist" };
    if (code === "ELOOP") return { ok: false, problem: "is a symbolic link" };
    if (code === "EACCES" || code === "EPERM") return { ok: false, problem: "cannot be read (permission denied)" };
    return { ok: false, problem: `cannot be read (${code ?? (error as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${Math.round(n / 1024)} KiB`;
}
