// Containers this process started: named repro-audit-<random> so an interrupt or timeout can remove them.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { execa } from "execa";
import type { Engine } from "./engine.js";

const started = new Map<string, Engine>();
/** Temporary folders a stage made (build context, egress socket, anonymous engine config): removed with the containers. */
const dirs = new Set<string>();

/** Layers of a build in progress: a failed or interrupted build's are removed (newest first). */
const images = new Map<string, Engine>();

export function trackImage(id: string, engine: Engine): void {
  images.set(id, engine);
}

export function untrackImage(id: string): void {
  images.delete(id);
}

export function trackDir(dir: string): void {
  dirs.add(dir);
}

export function untrackDir(dir: string): void {
  dirs.delete(dir);
}

export function containerName(): string {
  return `repro-audit-${randomBytes(6).toString("hex")}`;
}

export function trackContainer(name: string, engine: Engine): void {
  started.set(name, engine);
}

export function untrackContainer(name: string): void {
  started.delete(name);
}

export function startedContainers(): string[] {
  return [...started.keys()];
}

function byEngine(): Map<string, { engine: Engine; names: string[] }> {
  const groups = new Map<string, { engine: Engine; names: string[] }>();
  for (const [name, engine] of started) {
    const group = groups.get(engine.bin) ?? { engine, names: [] };
    group.names.push(name);
    groups.set(engine.bin, group);
  }
  return groups;
}

/** Remove every container still tracked (`rm -f`); the pipeline calls this on abort and on exit. */
export async function removeStartedContainers(): Promise<string[]> {
  const removed: string[] = [];
  for (const { engine, names } of byEngine().values()) {
    await execa(engine.bin, ["rm", "-f", ...names], { reject: false, stdin: "ignore", timeout: 30_000 });
    for (const name of names) started.delete(name);
    removed.push(...names);
  }
  return removed;
}

/** The same, synchronously: for a SIGINT handler, where awaiting is not possible before exiting.
 * Temporary folders still tracked go too. */
function removeStartedContainersSync(): string[] {
  const removed: string[] = [];
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
  for (const { engine, names } of byEngine().values()) {
    spawnSync(engine.bin, ["rm", "-f", ...names], { stdio: "ignore", timeout: 30_000 });
    for (const name of names) started.delete(name);
    removed.push(...names);
  }
  for (const [id, engine] of [...images].reverse())
    spawnSync(engine.bin, ["rmi", id], { stdio: "ignore", timeout: 30_000 });
  images.clear();
  return removed;
}

/** While installed, Ctrl-C removes the started containers, layers and temporary folders at once. With
 * `exit` (no caller is there to decide: a library call without an abort signal) it then exits 130 as an
 * interrupted program does. Prepended, so it runs before the listener execa's child cleanup installs, which
 * may re-raise the signal. Returns the function that uninstalls it. */
export function removeContainersOnInterrupt(options: { exit?: boolean } = {}): () => void {
  const handler = (): void => {
    removeStartedContainersSync();
    if (options.exit !== false) process.exit(130);
  };
  process.prependOnceListener("SIGINT", handler);
  process.prependOnceListener("SIGTERM", handler);
  return () => {
    process.removeListener("SIGINT", handler);
    process.removeListener("SIGTERM", handler);
  };
}
