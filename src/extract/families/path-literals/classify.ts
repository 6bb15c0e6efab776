// Is a string a machine-specific path, and of which kind? The string's role in the code (a piece joined
// to a variable, a regex, a route, an existence probe), its shape (a template fragment, a TensorFlow
// device name, a dot-folder in the home folder) and the container locations the repo sets up itself
// decide before its prefix does. Pure.
import type { PathRole } from "../../python/file-index.js";
import { pathKind, type PathKind } from "../../python/path-kinds.js";

export type MachinePathKind = PathKind | "outside-repo";

export interface PathContext {
  role?: PathRole;
  /** Locations inside a container the repo's own Dockerfile, Makefile or run commands set up (/workspace, /data). */
  containerRoots?: readonly string[];
  /** Where the string is: code and configs judge every kind; shell lines only the unmistakable ones. */
  where: "code" | "config" | "shell" | "dockerfile";
}

/** TensorFlow and JAX device names: '/cpu:0', '/gpu', '/device:GPU:0', '/job:worker/replica:0'. */
const DEVICE = /^\/(?:cpu|gpu|tpu|xla_[cgt]pu|device|job|replica|task)(?::|$|\/)/i;
/** Kinds that name one machine whatever the file: a shell line's /opt/x may be any image's, its /home/alice is not. */
const SHELL_KINDS = new Set<MachinePathKind>([
  "home",
  "windows-drive",
  "colab-drive",
  "mnt",
  "data-root",
  "kaggle-input",
  "kaggle-working",
]);
/** Kinds whose root is one machine's or one cluster's: a string that heads a join with one is still that machine's path. */
const MACHINE_ROOT_KINDS = new Set<MachinePathKind>([
  "home",
  "windows-drive",
  "colab-drive",
  "mnt",
  "data-root",
  "kaggle-input",
]);
const DOCKERFILE_KINDS = new Set<MachinePathKind>(["windows-drive", "colab-drive"]);

export function classifyPath(value: string, ctx: PathContext): PathKind | null {
  if (ctx.role && ctx.role !== "head") return null;
  const v = value.trim();
  if (DEVICE.test(v)) return null;
  // A template piece: fields (`{}`) and at most one segment ('/fold{}/', '/{}.'), or a file at the root ('/x.csv').
  const segments = v.split(/[\\/]/).filter(Boolean);
  if (v.startsWith("/") && segments.length <= 1 && (v.includes("{}") || /\.\w{1,6}$/.test(v))) return null;
  if (/^\/(?:\{\}|\*)/.test(v)) return null;
  // ~/.cache, ~/.torch, ~/.kaggle: each user's own tool folders, the same on every machine.
  if (/^~\/\./.test(v)) return null;
  if (containerRootOf(v, ctx.containerRoots ?? [])) return null;
  const kind = pathKind(v);
  if (kind === null) return null;
  if (
    ctx.role === "head" &&
    (!MACHINE_ROOT_KINDS.has(kind) || (v.split(/[\\/]/).filter(Boolean).length < 2 && !/^[A-Za-z]:/.test(v)))
  )
    return null;
  // In shell text `~/x` is each user's own (a download target, a tool's folder): it travels.
  if (ctx.where === "shell" && (!SHELL_KINDS.has(kind) || v.startsWith("~"))) return null;
  if (ctx.where === "dockerfile" && !DOCKERFILE_KINDS.has(kind) && !(kind === "home" && v.startsWith("/Users/")))
    return null;
  return kind;
}

/** The container location the repo sets up itself that holds the path, if one does. */
export function containerRootOf(value: string, roots: readonly string[]): string | null {
  const v = value.trim();
  return roots.find((root) => v === root || v.startsWith(`${root}/`)) ?? null;
}

/** A relative path that climbs out of the repo from the file that holds it ('../../../data' two folders
 * down): data kept beside the checkout on the author's machine. Kaggle's ../input and ../working one level above
 * the root are not; two levels above ('../../output' at the root) is no Kaggle layout but the folder the author
 * cloned into, whatever its name. */
export function climbsOutOfRepo(value: string, fromFile: string): boolean {
  const v = value.replace(/\\/g, "/");
  const ups = (/^(?:\.\.\/)+/.exec(v)?.[0].length ?? 0) / 3;
  const depth = fromFile.split("/").length - 1;
  if (ups <= depth) return false;
  const rest = v.slice(ups * 3);
  if (rest === "" || rest.startsWith("{}") || rest.startsWith("*")) return false;
  return ups - depth > 1 || !/^(?:input|working|output|kaggle)(?:\/|$)/.test(rest);
}
