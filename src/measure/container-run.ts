// The epoch container's life: started by name, killed by name even while the engine is still creating it, inspected
// for an out-of-memory kill, and removed with its anonymous volumes whatever happened.
import { execa, type ResultPromise } from "execa";
import { containerRunArgs, type ContainerRun, type Launched } from "./launch.js";
import { engineBin } from "../io/engine-bin.js";

export interface ContainerEnd {
  /** The engine killed a process of the run at its memory limit. */
  oomKilled: boolean;
  /** The container never started (the engine's own error is all the output holds). */
  neverStarted: boolean;
}

export interface ContainerHandle extends Launched {
  /** After the run ended: how it ended, then the container is removed. */
  finish(): Promise<ContainerEnd>;
  /** Removes the container now, in whatever state (safe to call more than once). */
  remove(): Promise<void>;
}

const ENGINE_TIMEOUT_MS = 30_000;
const NEVER_STARTED = "0001-01-01T00:00:00Z";

const settledWithin = (child: ResultPromise, ms: number) =>
  Promise.race([
    child.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

export function launchContainer(name: "docker" | "podman", r: ContainerRun): ContainerHandle {
  // The same CLI the build stage called (REPRO_AUDIT_DOCKER / REPRO_AUDIT_PODMAN when set).
  const engine = engineBin(name);
  const child = execa(engine, containerRunArgs(r), { reject: false, buffer: false, stdin: "ignore", all: true });
  const rm = () =>
    execa(engine, ["rm", "-f", "-v", r.name], { reject: false, timeout: ENGINE_TIMEOUT_MS, stdin: "ignore" });
  const exists = async () =>
    (
      await execa(engine, ["ps", "-a", "-q", "--filter", `label=repro-audit.run=${r.name}`], {
        reject: false,
        timeout: ENGINE_TIMEOUT_MS,
        stdin: "ignore",
      })
    ).stdout.trim() !== "";
  const remove = async () => {
    // A create in flight can land after a removal: remove again until the engine knows no such container.
    for (let i = 0; i < 5; i++) {
      await rm();
      if (!(await exists())) return;
      await new Promise((res) => setTimeout(res, 500));
    }
  };
  return {
    child,
    pid: child.pid,
    async kill() {
      // The client may still be creating the container: remove it by name until the client has given up.
      const deadline = Date.now() + ENGINE_TIMEOUT_MS;
      do await rm();
      while (!(await settledWithin(child, 1000)) && Date.now() < deadline);
      child.kill("SIGKILL");
    },
    async finish() {
      await child.then(
        () => undefined,
        () => undefined,
      );
      const inspect = await execa(
        engine,
        ["inspect", "--format", "{{.State.OOMKilled}} {{.State.StartedAt}}", r.name],
        {
          reject: false,
          timeout: ENGINE_TIMEOUT_MS,
          stdin: "ignore",
        },
      );
      const [oom, started] = inspect.exitCode === 0 ? inspect.stdout.trim().split(" ") : ["false", NEVER_STARTED];
      await remove();
      return { oomKilled: oom === "true", neverStarted: !started || started.startsWith("0001-01-01") };
    },
    remove,
  };
}
