// The host's meters around a run: RAPL and nvidia-smi from before it starts (an idle window first), then the run's
// own usage once it exists: its process tree on the host, or its container's cgroup.
import { readFile } from "node:fs/promises";
import { thisCpuPower, type CpuPower } from "./meters/cpu-model.js";
import { containerCgroup, processTree, usageMeters } from "./meters/cpu-share.js";
import { gpusInUse, localOffsetMinutes, nvidiaSmiAnswers } from "./meters/nvidia-smi.js";
import { findRaplDomains, raplMeters } from "./meters/rapl.js";
import { startSampler, type Sampler } from "./sampler.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Meters {
  sampler: Sampler;
  cpu: CpuPower;
  gpus: boolean;
}

export async function startMeters(o: {
  gpus?: boolean;
  nvidiaSmi?: string;
  sampleMs?: number;
  idleSeconds: number;
}): Promise<Meters> {
  const cpu = thisCpuPower();
  const gpus = o.gpus ?? (await nvidiaSmiAnswers(o.nvidiaSmi));
  const sampler = startSampler({
    meters: raplMeters(findRaplDomains()),
    intervalMs: o.sampleMs ?? 500,
    ...(gpus
      ? {
          nvidiaSmi: {
            binary: o.nvidiaSmi,
            inUse: gpusInUse({ cudaVisibleDevices: process.env.CUDA_VISIBLE_DEVICES }),
            offsetMinutes: localOffsetMinutes(),
          },
        }
      : {}),
  });
  await sleep(o.idleSeconds * 1000);
  return { sampler, cpu, gpus };
}

/** The host run's process tree, metered from its launch. */
export function meterProcessTree(m: Meters, pid: number, launchUnix: number): void {
  m.sampler.add(usageMeters(processTree(pid), m.cpu.wattsPerThread), launchUnix);
}

/** The container's cgroup: the cid file appears at create, the cgroup once it starts; both polled fast (a short run
 * is over in a second). Gives up when `ended()` or after a minute. */
export async function meterContainer(
  m: Meters,
  cidFile: string,
  launchUnix: number,
  ended: () => boolean,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  let id = "";
  while (!id && !ended() && Date.now() < deadline) {
    id = (await readFile(cidFile, "utf8").catch(() => "")).trim();
    if (!id) await sleep(20);
  }
  while (id && !ended() && Date.now() < deadline) {
    const cg = containerCgroup(id);
    if (cg) return m.sampler.add(usageMeters(cg, m.cpu.wattsPerThread), launchUnix);
    await sleep(20);
  }
}
