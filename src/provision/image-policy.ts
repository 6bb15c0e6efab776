// Which images a repo's own Dockerfile may build on: those the user named (--allow-image, --base-image,
// --base-image-override), or public ones the engine can pull with no credentials. An image only this machine
// holds (the user's private builds, another audit's image) or one from a local or private registry is refused.
import { lookup } from "node:dns/promises";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import type { Engine } from "./engine.js";
import { isPrivateAddress } from "./egress-policy.js";
import { onBuildProblems } from "./dockerfile-policy.js";
import { BUILD_LIMITS } from "./limits.js";
import { trackDir, untrackDir } from "./containers.js";

/** "python" -> "python:latest", "docker.io/library/python:3" -> "python:3": one spelling per image. */
export function normaliseImage(ref: string): string {
  let name = ref
    .trim()
    .replace(/^docker\.io\//, "")
    .replace(/^index\.docker\.io\//, "")
    .replace(/^library\//, "");
  const last = name.split("/").pop()!;
  if (!last.includes(":") && !name.includes("@")) name += ":latest";
  return name;
}

/** The registry host an image reference names, or null for Docker Hub. */
export function registryHost(ref: string): string | null {
  const first = ref.split("/")[0]!;
  return ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost") ? first : null;
}

/** Engine environment without the user's registry credentials (and with their engine endpoint kept). */
export async function anonymousEngineEnv(
  engine: Engine,
): Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "repro-audit-engine-"));
  trackDir(dir);
  await writeFile(join(dir, "config.json"), "{}\n", { mode: 0o600 });
  await writeFile(join(dir, "auth.json"), "{}\n", { mode: 0o600 });
  const env: Record<string, string> = { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: join(dir, "auth.json") };
  if (engine.name === "docker" && !process.env.DOCKER_HOST) {
    // The user's config may select a docker context; keep talking to the same daemon without it.
    const host = await execa(engine.bin, ["context", "inspect", "--format", "{{.Endpoints.docker.Host}}"], {
      reject: false,
      stdin: "ignore",
      timeout: 20_000,
    });
    if (host.exitCode === 0 && String(host.stdout).trim()) env.DOCKER_HOST = String(host.stdout).trim();
  }
  return {
    env,
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      untrackDir(dir);
    },
  };
}

async function privateRegistry(host: string): Promise<string | null> {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  if (name === "localhost") return `${host} is this machine`;
  let addresses: string[];
  try {
    addresses = (await lookup(name, { all: true })).map((a) => a.address);
  } catch {
    return null; // unresolvable: the pull fails on its own
  }
  const local = addresses.find(isPrivateAddress);
  return local ? `${host} is a local or private registry (${local})` : null;
}

async function onBuildTriggers(engine: Engine, image: string): Promise<string[]> {
  const result = await execa(engine.bin, ["image", "inspect", "--format", "{{json .Config.OnBuild}}", image], {
    reject: false,
    stdin: "ignore",
    timeout: 20_000,
  });
  try {
    const parsed = JSON.parse(String(result.stdout)) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** One sentence per image the build may not use; pulls the others anonymously so the build finds them. */
export async function refuseImages(
  engine: Engine,
  images: ReadonlyArray<{ image: string; line: number }>,
  allowed: readonly string[],
  env: Record<string, string>,
): Promise<string[]> {
  const vouched = new Set(allowed.map(normaliseImage));
  const refusals: string[] = [];
  for (const { image, line } of images) {
    if (vouched.has(normaliseImage(image))) continue;
    const host = registryHost(image);
    const hostProblem = host ? await privateRegistry(host) : null;
    if (hostProblem) {
      refusals.push(
        `line ${line}: ${image} comes from ${hostProblem}, which the audit does not let a repo's Dockerfile reach`,
      );
      continue;
    }
    const local = await execa(engine.bin, ["image", "inspect", image], {
      reject: false,
      stdin: "ignore",
      timeout: 20_000,
    });
    const pulled = await execa(engine.bin, ["pull", "--quiet", image], {
      reject: false,
      stdin: "ignore",
      env,
      timeout: BUILD_LIMITS.pullMs,
    });
    if (pulled.exitCode !== 0) {
      const why =
        local.exitCode === 0
          ? "an image of this machine that could not be pulled without credentials, so it may be private"
          : "not an image the engine could pull without credentials";
      refusals.push(`line ${line}: ${image} is ${why}; pass --allow-image ${image} if you vouch for it`);
      continue;
    }
    refusals.push(...onBuildProblems(image, await onBuildTriggers(engine, image)));
  }
  return refusals;
}
