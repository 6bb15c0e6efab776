// Read a lock file (poetry.lock, pdm.lock, uv.lock, Pipfile.lock, rye's requirements.lock) for the names it fixes
// to one version. Pure.
import { parse as parseToml } from "smol-toml";
import { normalizeName } from "./pep508.js";

/** Lock files by name, with the spec file beside them whose ranges they fix. */
export const LOCK_FILES: Readonly<Record<string, "pyproject.toml" | "Pipfile">> = {
  "poetry.lock": "pyproject.toml",
  "pdm.lock": "pyproject.toml",
  "uv.lock": "pyproject.toml",
  "Pipfile.lock": "Pipfile",
  // rye writes pip-compile locks of the pyproject: `name==version` lines, `-e file:.`, `# via` comments.
  "requirements.lock": "pyproject.toml",
  "requirements-dev.lock": "pyproject.toml",
};

/** `numpy==1.26.4`, `pyro-ppl == 1.8.6`, `torch[cuda]==2.1.2 \\`: a pip-compile line's name, when it pins exactly. */
const COMPILED_PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*[^\s*;,]+\s*(?:\\|;.*|--hash\S*)?\s*$/;

/** The normalised names a lock file gives one exact version; empty for what does not parse. */
export function lockedNames(name: string, text: string): Set<string> {
  const out = new Set<string>();
  if (name.endsWith(".lock") && name.startsWith("requirements")) {
    for (const line of text.split(/\r?\n/)) {
      const m = COMPILED_PIN.exec(line.replace(/(^|\s)#.*$/, "").trim());
      if (m) out.add(normalizeName(m[1]!));
    }
    return out;
  }
  if (name === "Pipfile.lock") {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return out;
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return out;
    for (const section of ["default", "develop"]) {
      const packages = (doc as Record<string, unknown>)[section];
      if (!packages || typeof packages !== "object") continue;
      for (const [raw, value] of Object.entries(packages as Record<string, unknown>)) {
        const version = (value as { version?: unknown } | null)?.version;
        // A VCS entry has no version but a ref the lock resolved to a commit.
        if (
          (typeof version === "string" && /^===?\s*[^*\s]+$/.test(version)) ||
          typeof (value as { ref?: unknown } | null)?.ref === "string"
        )
          out.add(normalizeName(raw));
      }
    }
    return out;
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return out;
  }
  const packages = doc.package;
  if (!Array.isArray(packages)) return out;
  for (const entry of packages) {
    if (entry && typeof entry === "object" && typeof entry.name === "string" && typeof entry.version === "string")
      out.add(normalizeName(entry.name));
  }
  return out;
}
