// The base images the user named with --base-image, or else the engine's local images labelled with their Python, as
// the user's own engine describes them: the Python each carries (its `org.repro-audit.python` label, which
// scripts/build-base-image.sh sets) and whether it is a micromamba image (its config sets MAMBA_USER, which the conda
// Dockerfile needs). The repo has no say here: the audit's own images, which a repo's build made, are never listed.
import type { Engine } from "./engine.js";

/** The label a local base image states its Python (major.minor) with. */
export const PYTHON_LABEL = "org.repro-audit.python";

/** The repository the audit tags the images it builds with (context.ts): built from a repo, never a base. */
export const AUDIT_IMAGE_REPO = "repro-audit/env";

export interface NamedBase {
  image: string;
  /** The Python its label states, or null (no label, an unreadable one, or no engine to ask). */
  python: string | null;
  /** Its config sets MAMBA_USER: a micromamba image the conda Dockerfile can build on. */
  micromamba: boolean;
}

const INSPECT_TIMEOUT_MS = 20_000;

/** What an image's config says (pure): its Python label when it reads as major.minor, and MAMBA_USER. */
function readNamedBase(image: string, config: { Labels?: unknown; Env?: unknown } | null): NamedBase {
  const labels = config?.Labels && typeof config.Labels === "object" ? (config.Labels as Record<string, unknown>) : {};
  const label = labels[PYTHON_LABEL];
  const python = typeof label === "string" && /^\d+\.\d+$/.test(label.trim()) ? label.trim() : null;
  const env = Array.isArray(config?.Env) ? config.Env : [];
  const micromamba = env.some((e) => typeof e === "string" && e.startsWith("MAMBA_USER="));
  return { image, python, micromamba };
}

/** Each named image as the engine describes it; an image it cannot inspect is named with nothing known. */
export async function inspectBases(engine: Engine | null, images: readonly string[]): Promise<NamedBase[]> {
  return Promise.all(
    images.map(async (image) => {
      if (!engine) return readNamedBase(image, null);
      const { execa } = await import("execa");
      const result = await execa(engine.bin, ["image", "inspect", "--format", "{{json .Config}}", image], {
        reject: false,
        stdin: "ignore",
        timeout: INSPECT_TIMEOUT_MS,
      });
      if (result.exitCode !== 0) return readNamedBase(image, null);
      try {
        return readNamedBase(image, JSON.parse(String(result.stdout)) as { Labels?: unknown; Env?: unknown });
      } catch {
        return readNamedBase(image, null);
      }
    }),
  );
}

/** The names in `images --format {{.Repository}}:{{.Tag}}` output (pure), less untagged images and the audit's own:
 * those inherit their base's label, and a repo's own Dockerfile can set any label it likes. */
export function readImageList(stdout: string): string[] {
  const names = stdout
    .split("\n")
    .map((line) => line.trim())
    .filter((name) => name !== "" && !name.includes("<none>"))
    // podman names local images localhost/<name>; docker may spell Docker Hub's own.
    .filter(
      (name) => name.slice(0, name.lastIndexOf(":")).replace(/^(?:localhost|docker\.io)\//, "") !== AUDIT_IMAGE_REPO,
    );
  return [...new Set(names)];
}

/** The engine's local images labelled with their Python, each as the engine describes it; none when it cannot say. */
export async function listLocalBases(engine: Engine): Promise<NamedBase[]> {
  const { execa } = await import("execa");
  const listed = await execa(
    engine.bin,
    ["images", "--filter", `label=${PYTHON_LABEL}`, "--format", "{{.Repository}}:{{.Tag}}"],
    { reject: false, stdin: "ignore", timeout: INSPECT_TIMEOUT_MS },
  );
  if (listed.exitCode !== 0) return [];
  return inspectBases(engine, readImageList(String(listed.stdout)));
}
