// Whether the install that reads a package line names PyTorch's own index: the only place local-version pins
// (torch==1.10.2+cu113) live. An index a Dockerfile's own `pip install torch==...+cpu -f ...` names covers that
// Dockerfile, not a requirements file in a sibling folder.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import { parseRequirementsText } from "../../parse/requirements.js";

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

/** A local-version pin only PyTorch's index serves (`+cu113`, `+cpu`, `+rocm5.2`). */
const LOCAL_VERSION = /\+(?:cu|cpu|rocm)[0-9.]*$/;

/** Sets pytorchIndexed on each local-version package record whose install names PyTorch's index (the only records
 * that need it; others install from any index). */
export function markPytorchIndexed(
  records: FactRecord[],
  read: (file: string) => string | null,
  commands: ReadonlyArray<{ file: string; command: string }>,
): void {
  const covered = new Set<string>();
  for (const r of records)
    if (r.kind === "index-url" && typeof r.url === "string" && PYTORCH_INDEX.test(r.url)) covered.add(String(r.file));
  const specFiles = records.flatMap((r) =>
    r.kind === "spec-file" && r.format === "requirements" ? [String(r.file)] : [],
  );
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
