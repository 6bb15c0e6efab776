// The requirements files a Dockerfile's `pip install -r` lines install, resolved to the spec files the repo holds:
// what one build installs together (its own pins, its image, the files it installs). Pure over the text read.

/** The files `-r` (or `--requirement`) names, with their lines: in `pip install` lines, or (pipLines false) anywhere
 * in a requirements file (its includes). */
export function requirementInstalls(text: string, pipLines = true): Array<{ file: string; line: number }> {
  const out: Array<{ file: string; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim().startsWith("#") || (pipLines && !/\bpip3?\s+install\b/.test(raw))) return;
    for (const m of raw.matchAll(/(?:^|\s)(?:-r|--requirement)(?:\s+|=)([^\s&;|]+)/g))
      out.push({ file: m[1]!.replace(/^["']|["']$/g, "").replace(/^\.\//, ""), line: i + 1 });
  });
  return out;
}

/** Each `-r` of a Dockerfile, with the repo's requirements file it installs (beside the Dockerfile, at the root,
 * or the one file of that name elsewhere); installs of files the repo lacks are left out. */
export function dockerfileRequirements(
  dockerfile: string,
  text: string,
  requirementFiles: readonly string[],
): Array<{ file: string; line: number; target: string }> {
  const folder = dockerfile.includes("/") ? dockerfile.slice(0, dockerfile.lastIndexOf("/") + 1) : "";
  return requirementInstalls(text).flatMap((install) => {
    const base = install.file.slice(install.file.lastIndexOf("/") + 1);
    const target =
      requirementFiles.find((f) => f === install.file || f === folder + install.file) ??
      requirementFiles.find((f) => f.endsWith(`/${base}`) || f === base);
    return target ? [{ ...install, target }] : [];
  });
}
