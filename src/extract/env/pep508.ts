// Parse one PEP 508 requirement line ("name[extras] spec ; marker", "name @ url") into its parts.
import { normalizeName } from "../../model/package-name.js";

export { normalizeName };

export interface Requirement {
  /** Normalized per PEP 503: lowercase, runs of -_. become "-". */
  name: string;
  spec: string;
  extras?: string;
  marker?: string;
  /** Direct reference ("pkg @ https://...", "git+...#egg=pkg"). */
  url?: string;
}


/** Exact pin: one `==` / `===` clause without a wildcard (`==1.2.*` is a range). */
export function isExactPin(spec: string): boolean {
  const clauses = spec.split(",").map((c) => c.trim()).filter(Boolean);
  return clauses.length === 1 && /^(===?)\s*[^=<>!~*\s]+$/.test(clauses[0]!);
}

/** A VCS URL pinned to a full commit hash is as exact as a version pin. */
export function isPinnedUrl(url: string): boolean {
  return /@[0-9a-f]{40}(?:#|$)/i.test(url);
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/;

/** Null for what is not a named requirement (a local path, an option, an empty line). */
export function parseRequirement(text: string): Requirement | null {
  let body = text.trim();
  if (!body) return null;
  // VCS / URL without a name: take it from #egg=.
  if (/^(git|hg|svn|bzr)\+|^https?:\/\//i.test(body)) {
    const egg = /#(?:.*&)?egg=([A-Za-z0-9._-]+)/.exec(body);
    if (!egg) return null;
    return { name: normalizeName(egg[1]!), spec: "", url: body };
  }
  let marker: string | undefined;
  const semi = body.indexOf(";");
  if (semi >= 0) {
    marker = body.slice(semi + 1).trim() || undefined;
    body = body.slice(0, semi).trim();
  }
  const match = NAME.exec(body);
  if (!match) return null;
  const [, rawName, rawExtras, rest = ""] = match;
  const extras = rawExtras?.split(",").map((e) => e.trim()).filter(Boolean).join(",");
  const out: Requirement = { name: normalizeName(rawName!), spec: "" };
  if (extras) out.extras = extras;
  if (marker) out.marker = marker;
  const tail = rest.trim();
  if (tail.startsWith("@")) out.url = tail.slice(1).trim();
  else out.spec = tail.replace(/^\((.*)\)$/, "$1").replace(/\s+/g, "");
  return out;
}
