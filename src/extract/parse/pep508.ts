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
  const clauses = spec
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return clauses.length === 1 && /^(===?)\s*[^=<>!~*\s]+$/.test(clauses[0]!);
}

/** A minor series (`==3.20.*`): one release line, its patch releases only; a major series (`==2.*`) is a range. */
export function isSeriesPin(spec: string): boolean {
  return /^==\s*\d+(?:\.\d+)+\.\*$/.test(spec.trim());
}

/** A VCS URL pinned to a full commit hash, or a wheel's URL (its file name holds the version), is as
 * exact as a version pin. */
export function isPinnedUrl(url: string): boolean {
  // A commit, a wheel of one version, or a release tag (`@v0.1.3`, `@0.4.5-with-timm`): tags can move, but a
  // version tag is how projects pin a git dependency.
  return (
    /@[0-9a-f]{40}(?:#|$)/i.test(url) ||
    /-\d[\w.+!]*-[^/]*\.whl(?:[#?].*)?$/.test(url) ||
    /\.git@v?\d+(?:\.\d+)+[\w.+-]*(?:#|$)|@v?\d+\.\d+(?:\.\d+)*[\w.+-]*(?:#|$)/.test(url)
  );
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/;

/** Null for what is not a named requirement (a local path, an option, an empty line). */
export function parseRequirement(text: string): Requirement | null {
  let body = text.trim();
  if (!body) return null;
  // VCS / URL without a name: #egg=, else a wheel's file name, else the repository's name. Never dropped:
  // a line that installs something declares it.
  if (/^(git|hg|svn|bzr)\+|^(https?|file):\/\//i.test(body)) {
    const url = body.split(/\s+/)[0]!;
    const egg = /#(?:.*&)?egg=([A-Za-z0-9._-]+)/.exec(url);
    if (egg)
      return {
        name: normalizeName(egg[1]!.replace(/[-_](?:master|main|dev|develop|v?\d[\w.]*)$/i, "")),
        spec: "",
        url,
      };
    const wheel = /\/([A-Za-z0-9_.]+?)-(\d[\w.+!]*)-[^/]*\.whl(?:[#?].*)?$/.exec(url);
    if (wheel) return { name: normalizeName(wheel[1]!), spec: `==${wheel[2]}`, url };
    const archive = /github\.com\/[^/]+\/([A-Za-z0-9._-]+)\/(?:archive|tarball|zipball)\//.exec(url);
    const last = /\/([A-Za-z0-9._-]+?)(?:\.git)?(?:@[^/#]*)?(?:#.*)?$/
      .exec(url.replace(/\/+$/, ""))?.[1]
      ?.replace(/\.(?:zip|tar\.gz|tgz)$/, "");
    const name = (archive?.[1] ?? last)?.replace(/-(?:master|main|\d[\w.]*)$/i, "");
    return name ? { name: normalizeName(name), spec: "", url } : null;
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
  const extras = rawExtras
    ?.split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .join(",");
  const out: Requirement = { name: normalizeName(rawName!), spec: "" };
  if (extras) out.extras = extras;
  if (marker) out.marker = marker;
  const tail = rest.trim();
  if (tail.startsWith("@")) out.url = tail.slice(1).trim();
  else out.spec = tail.replace(/^\((.*)\)$/, "$1").replace(/\s+/g, "");
  return out;
}
