// Where a finding lies on the rerun plan and what its evidence lets it do (pure): only a conclusive finding on
// the plan keeps an error and may block; unconfirmed or unknown is a warning at most; off the plan is info.
import { isCodePath, isConfigPath, isEnvironmentSpecPath, isReadmePath } from "../model/file-kinds.js";
import type { Category, Evidence, PlanPlace, Severity } from "../model/finding.js";
import { normalPath, type PlanIndex } from "./rerun-plan.js";

export interface Placed {
  place: PlanPlace;
  /** Why off the plan (or unknown), in a reader's words. */
  reason?: string;
}

type FileRole = "readme" | "spec" | "code" | "config" | "other";

function roleOf(path: string): FileRole {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (isReadmePath(name)) return "readme";
  // The walk's own names (model/file-kinds): what it calls a spec, a script or a config is graded as one.
  if (isEnvironmentSpecPath(path)) return "spec";
  if (isCodePath(name)) return "code";
  if (isConfigPath(name)) return "config";
  return "other";
}

function placeOfFile(path: string, plan: PlanIndex): PlanPlace {
  const file = normalPath(path);
  const role = roleOf(file);
  if (copyOf(file, plan)) return plan.found ? "off" : "unknown";
  // An alternative spec the README never installs: a stranger may pick it, but the documented rerun does not.
  if (plan.offRouteSpecs.has(file)) return "unknown";
  if (role === "spec" || role === "other") return "on";
  if (role === "readme" && !file.includes("/")) return "on";
  const on =
    role === "readme"
      ? plan.stating.has(file)
      : role === "code"
        ? plan.reached.has(file) || plan.loaded.has(file) // a Python-syntax config a step loads
        : plan.loaded.has(file);
  if (on) return "on";
  return plan.found ? "off" : "unknown";
}

/** The vendored copy no step reaches that holds the file. */
const copyOf = (file: string, plan: PlanIndex) => plan.unreachedCopies.find((c) => file.startsWith(`${c.root}/`));

/** A line of a module the steps only import that runs only when the module is run itself. */
function isMainOnly(path: string, line: number | null | undefined, plan: PlanIndex): boolean {
  if (typeof line !== "number") return false;
  return (plan.mainOnly.get(normalPath(path)) ?? []).some(([from, to]) => line >= from && line <= to);
}

/** A line of a reached file inside a top-level function nothing calls. */
function isUncalled(path: string, line: number | null | undefined, plan: PlanIndex): boolean {
  if (typeof line !== "number") return false;
  return (plan.uncalled.get(normalPath(path)) ?? []).some(([from, to]) => line >= from && line <= to);
}

/** A line of a reached file inside a branch the documented arguments rule out: why, else null. */
function ruledOutWhy(path: string, line: number | null | undefined, plan: PlanIndex): string | null {
  if (typeof line !== "number") return null;
  const r = plan.ruledOut.get(normalPath(path));
  return r && r.spans.some(([from, to]) => line >= from && line <= to) ? r.why : null;
}

/** A place (file, line) on the plan: its file is, and the line runs when the steps run or import it. */
function placeOfLine(path: string, line: number | null | undefined, plan: PlanIndex): PlanPlace {
  const place = placeOfFile(path, plan);
  const off = isMainOnly(path, line, plan) || isUncalled(path, line, plan) || ruledOutWhy(path, line, plan) !== null;
  return place === "on" && off ? "off" : place;
}

/** A few files by name: "a.py, b.py and 3 more". */
function names(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(", ");
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

/** Why files are off the plan, in the words of the finding's category and the files' role. */
function offReason(files: readonly string[], category: Category): string {
  const roles = new Set(files.map(roleOf));
  const why =
    roles.size === 1 && roles.has("config")
      ? `no step loads ${names(files)}`
      : roles.size === 1 && roles.has("readme")
        ? `no step of the plan is stated in ${names(files)}`
        : category === "datasets"
          ? `only ${names(files)} ${files.length === 1 ? "reads" : "read"} it`
          : category === "requirements"
            ? `only ${names(files)} ${files.length === 1 ? "imports" : "import"} it`
            : `no step runs or imports ${names(files)}`;
  return `not on the rerun path: ${why}`;
}

/** Where a finding with these files (its places, primary first; none: the whole repo) and their lines lies. A
 * grouped finding is on the plan when any of its places is. */
export function placeOf(
  files: readonly (string | null)[],
  category: Category,
  plan: PlanIndex,
  lines: readonly (number | null | undefined)[] = [],
): Placed {
  const at = files.flatMap((file, i) => (file === null ? [] : [{ file, line: lines[i] }]));
  const named = [...new Set(at.map((p) => p.file))];
  if (named.length === 0) return { place: "on" };
  const places = at.map((p) => placeOfLine(p.file, p.line, plan));
  if (places.includes("on")) return { place: "on" };
  const offRoute = named.map((f) => normalPath(f)).find((f) => plan.offRouteSpecs.has(f));
  if (places.includes("unknown") && offRoute !== undefined)
    return {
      place: "unknown",
      reason: `not on the documented install route: the README installs ${plan.offRouteSpecs.get(offRoute)}, and never names ${offRoute}`,
    };
  if (places.includes("unknown"))
    return { place: "unknown", reason: `no rerun plan found${plan.what ? `: ${plan.what}` : ""}` };
  if (at.every((p) => isMainOnly(p.file, p.line, plan)))
    return {
      place: "off",
      reason: `not on the rerun path: only runs when ${names(named)} ${named.length === 1 ? "is run itself" : "are run themselves"}`,
    };
  if (at.every((p) => isUncalled(p.file, p.line, plan)))
    return { place: "off", reason: `not on the rerun path: in a function of ${names(named)} that nothing calls` };
  const why = [...new Set(at.map((p) => ruledOutWhy(p.file, p.line, plan)))];
  if (why.every((w) => w !== null)) return { place: "off", reason: `not on the rerun path: ${why.join("; ")}` };
  const copies = [...new Set(named.map((f) => copyOf(normalPath(f), plan)?.name))];
  if (copies.every((c) => c !== undefined))
    return {
      place: "off",
      reason: `not on the rerun path: in a vendored copy of ${names(copies as string[])} that no step imports`,
    };
  return { place: "off", reason: offReason(named, category) };
}

/** True when a place (its file, and its line where given) is on the plan: a grouped finding's places on it are listed first. */
export const isOnPlan = (file: string | null | undefined, plan: PlanIndex, line?: number | null): boolean =>
  typeof file !== "string" || placeOfLine(file, line, plan) === "on";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const atMost = (severity: Severity, cap: Severity): Severity => (RANK[severity] >= RANK[cap] ? severity : cap);

/** The severity a graded finding has: its rule's on the plan when conclusive; a warning at most when unconfirmed
 * or unknown; info off the plan. */
export function gradedSeverity(severity: Severity, place: PlanPlace, evidence: Evidence): Severity {
  if (place === "off") return "info";
  if (place === "unknown" || evidence === "unconfirmed") return atMost(severity, "warning");
  return severity;
}

/** Only a conclusive finding on the plan may block its area. */
export const mayBlock = (place: PlanPlace, evidence: Evidence): boolean => place === "on" && evidence === "conclusive";
