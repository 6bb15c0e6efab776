// The base images the user named with --base-image, as the user's own engine describes them: the Python each
// carries (its `org.repro-audit.python` label, which scripts/build-base-image.sh sets) and whether it is a
// micromamba image (its config sets MAMBA_USER, which the conda Dockerfile needs). The repo has no say here.
import type { Engine } from "./engine.js";

/** The label a local base image states its Python (major.minor) with. */
export const PYTHON_LABEL = "org.repro-audit.python";

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
