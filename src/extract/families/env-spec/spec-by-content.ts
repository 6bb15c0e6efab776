// Environment specs under names no convention gives (`reqs.txt`, `envs/gpu.yaml`): told by their content, or by
// the README's install command naming them. Pure; strict enough that a list of words is never a spec.
import { posix } from "node:path";
import { yamlParser } from "../../../io/yaml.js";
import { distributionForName, isKnownDistribution } from "../../python/packages.js";

const OP = "(?:===|==|>=|<=|~=|!=|<|>)";
const VERSION = "[\\w.*+!-]+";
/** One requirement specifier: a name, extras, version clauses, a marker; nothing else on the line. */
const SPECIFIER = new RegExp(
  `^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[\\w.,\\s-]*\\])?\\s*((?:${OP}\\s*${VERSION}\\s*)(?:,\\s*${OP}\\s*${VERSION}\\s*)*)?(?:;.*)?$`,
);
/** A named URL requirement (`timm @ git+https://...`) or a bare VCS or archive URL. */
const URL_REQUIREMENT =
  /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[\w.,\s-]*\])?\s*@\s*\S+|(?:git|hg|svn|bzr)\+\S+|https?:\/\/\S+)$/;
/** pip's own option lines (`-r x`, `-e .`, `--extra-index-url U`, `--pre`). */
const OPTION = /^--?[a-z][\w-]*(?:[=\s]\S+)?$/i;

/** The lines of a text, comments and blank lines dropped. */
function entries(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean);
}

/** Is this text a requirements file? Every line a specifier, a URL requirement or a pip option; at least two
 * lines (and half of the specifiers) carry a version operator or name a known distribution. */
export function requirementsByContent(text: string): boolean {
  const lines = entries(text);
  let specifiers = 0;
  let evidence = 0;
  for (const line of lines) {
    if (OPTION.test(line)) continue;
    if (URL_REQUIREMENT.test(line)) {
      specifiers++;
      evidence++;
      continue;
    }
    const m = SPECIFIER.exec(line);
    if (!m) return false;
    specifiers++;
    if (m[2] || isKnownDistribution(distributionForName(m[1]!))) evidence++;
  }
  return evidence >= 2 && evidence * 2 >= specifiers;
}

/** Is this YAML a conda environment? `dependencies:` a list of package strings (and the `pip:` section),
 * beside a `name:` or `channels:`. */
export function condaByContent(text: string): boolean {
  if (!/^dependencies\s*:/m.test(text)) return false;
  let doc: unknown;
  try {
    doc = yamlParser().load(text, { json: true });
  } catch {
    return false;
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return false;
  const { dependencies, name, channels } = doc as Record<string, unknown>;
  if (!Array.isArray(dependencies) || (typeof name !== "string" && !Array.isArray(channels))) return false;
  const pipOnly = (d: unknown) =>
    !!d && typeof d === "object" && !Array.isArray(d) && Object.keys(d).every((k) => k === "pip");
  return (
    dependencies.some((d) => typeof d === "string") && dependencies.every((d) => typeof d === "string" || pipOnly(d))
  );
}

const PIP_R =
  /(?:^|[\s!%/])(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\b.*?\s(?:-r|--requirement)(?:\s+|=)(\S+)/;
const CONDA_F =
  /(?:^|[\s!%/])(?:conda|mamba|micromamba)\s+(?:env\s+(?:create|update)|create|install)\b.*?\s(?:-f|--file)(?:\s+|=)(\S+)/;

/** The files a README's install commands name (`pip install -r deps/list.pip`, `conda env create -f env.conf`),
 * read from the README's folder, else the root; only files the repo holds. */
export function readmeNamedSpecs(
  commands: ReadonlyArray<{ file: string; command: string }>,
  has: (path: string) => boolean,
): Array<{ file: string; format: "requirements" | "conda" }> {
  const out: Array<{ file: string; format: "requirements" | "conda" }> = [];
  for (const { file, command } of commands)
    for (const part of command.split(/&&|;|\|\|/)) {
      const pip = PIP_R.exec(part);
      const conda = pip ? null : CONDA_F.exec(part);
      const named = (pip ?? conda)?.[1]?.replace(/^["']|["']$/g, "");
      if (!named || named.startsWith("/") || /^[a-z][a-z0-9+.-]*:\/\//i.test(named)) continue;
      const found = [posix.join(posix.dirname(file), named), posix.normalize(named)]
        .map((p) => posix.normalize(p))
        .find((p) => !p.startsWith("..") && has(p));
      if (found && !out.some((o) => o.file === found))
        out.push({ file: found, format: conda || /\.ya?ml$/i.test(found) ? "conda" : "requirements" });
    }
  return out;
}
