// Whether the install that reads a package line names PyTorch's own index: the only place local-version pins
// (torch==1.10.2+cu113) live. An index a Dockerfile's own `pip install torch==...+cpu -f ...` names covers that
// Dockerfile, not a requirements file in a sibling folder.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import { parseRequirementsText } from "../../parse/requirements.js";
import { instructions } from "../../parse/dockerfile.js";

const PYTORCH_INDEX = /download\.pytorch\.org/;

/** Requirements files that name -r / -c files of their own, both ways: pip options anywhere in the tree apply to all. */
function includeLinks(files: string[], read: (file: string) => string | null): Map<string, Set<string>> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
  };
  for (const file of files)
    for (const include of parseRequirementsText(file, read(file) ?? "").includes) {
      const target = posix.normalize(posix.join(posix.dirname(file), include.path));
      if (target.startsWith("..")) continue;
      (link(file, target), link(target, file));
    }
  return links;
}

/** The spec files a command installs with -r / -c, by the path it writes (relative to wherever it runs). */
function namedByCommand(command: string): string[] {
  return [...command.matchAll(/(?:^|\s)(?:-r|-c|--requirement|--constraint)(?:\s+|=)["']?([^\s"'&;|]+)/g)].map((m) =>
    m[1]!.replace(/^\.\//, ""),
  );
}

/** pip's and uv's own settings for an index, as a Dockerfile's ENV or ARG sets them for every install after. */
const INDEX_SETTING = /\b(?:PIP|UV)_(?:EXTRA_)?(?:INDEX_URL|FIND_LINKS)\b/;
/** pip's config file, which a Dockerfile copies into the image (or points PIP_CONFIG_FILE at). */
const PIP_CONFIG = /(?:^|[\s/])(pip\.conf|pip\.ini)\b/;
/** Installs that read the project's pyproject.toml (and the index tables in it, or pip's settings). */
const PROJECT_INSTALL =
  /\b(?:(?:rye|uv|pdm)\s+sync|(?:poetry|pdm)\s+install|pip3?\s+install\s+(?:-e\s+|--editable\s+)?\.(?:\s|\[|$))/;

/** The spec files a Dockerfile installs when it names PyTorch's index for all its installs: in an ENV or ARG
 * (PIP_EXTRA_INDEX_URL), a copied pip.conf that names it, or a RUN (continued over several lines) whose flags do. */
function dockerfileCovers(
  file: string,
  text: string,
  read: (file: string) => string | null,
  specFiles: readonly string[],
): string[] {
  const steps = instructions(text);
  const indexed = steps.some(({ text: step }) => {
    const word = step.split(/\s/, 1)[0]!.toUpperCase();
    if ((word === "ENV" || word === "ARG") && INDEX_SETTING.test(step)) return PYTORCH_INDEX.test(step);
    if (word === "RUN") return PYTORCH_INDEX.test(step);
    if (word !== "COPY" && word !== "ADD") return false;
    const conf = PIP_CONFIG.exec(step);
    if (!conf) return false;
    const source = step.split(/\s+/).find((w) => w.endsWith(conf[1]!));
    const path = source ? posix.normalize(posix.join(posix.dirname(file), source)) : null;
    return path !== null && !path.startsWith("..") && PYTORCH_INDEX.test(read(path) ?? "");
  });
  if (!indexed) return [];
  const runs = steps.filter((s) => /^RUN\s/i.test(s.text)).map((s) => s.text);
  const named = runs.flatMap(namedByCommand);
  const project = runs.some((r) => PROJECT_INSTALL.test(r));
  const folder = posix.dirname(file);
  return specFiles.filter(
    (spec) =>
      named.some((n) => spec === n || spec === posix.join(folder, n)) ||
      (project && posix.basename(spec) === "pyproject.toml" && [".", folder].includes(posix.dirname(spec))),
  );
}

/** A local-version pin only PyTorch's index serves (`+cu113`, `+cpu`, `+rocm5.2`). */
const LOCAL_VERSION = /\+(?:cu|cpu|rocm)[0-9.]*$/;

/** Sets pytorchIndexed on each local-version package record whose install names PyTorch's index (the only records
 * that need it; others install from any index). */
export function markPytorchIndexed(
  records: FactRecord[],
  read: (file: string) => string | null,
  commands: ReadonlyArray<{ file: string; command: string }>,
  dockerfiles: readonly string[] = [],
): void {
  const covered = new Set<string>();
  for (const r of records)
    if (r.kind === "index-url" && typeof r.url === "string" && PYTORCH_INDEX.test(r.url)) covered.add(String(r.file));
  const specFiles = records.flatMap((r) =>
    r.kind === "spec-file" && r.format === "requirements" ? [String(r.file)] : [],
  );
  const allSpecs = records.flatMap((r) => (r.kind === "spec-file" ? [String(r.file)] : []));
  for (const file of dockerfiles)
    for (const spec of dockerfileCovers(file, read(file) ?? "", read, allSpecs)) covered.add(spec);
  for (const { command } of commands) {
    if (!PYTORCH_INDEX.test(command)) continue;
    for (const named of namedByCommand(command))
      for (const file of specFiles) if (file === named || file.endsWith(`/${named}`)) covered.add(file);
  }
  const links = includeLinks(specFiles, read);
  const queue = [...covered];
  while (queue.length > 0)
    for (const next of links.get(queue.shift()!) ?? []) if (!covered.has(next)) (covered.add(next), queue.push(next));
  for (const r of records)
    if (r.kind === "package" && LOCAL_VERSION.test(String(r.spec ?? "")) && covered.has(String(r.file)))
      r.pytorchIndexed = true;
}
