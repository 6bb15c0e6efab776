// The literal folder a program joins an option's value onto before it opens it (`os.path.join("./configs",
// args.config_file)`, `f"configs/{args.cfg}"`, `"configs/" + args.cfg`): a bare default name lies there. Pure.

const MAX_LINE = 1000;

/** The folder (as written, `./` and trailing `/` dropped) the program joins `dest`'s value onto; null when it joins
 * none, or onto a folder only known at run time. */
export function literalFolderOf(program: string, dest: string): string | null {
  if (program === "" || !/^\w+$/.test(dest) || dest.length > 100) return null;
  const value = String.raw`[\w.]*\b${dest}\b`;
  const patterns = [
    String.raw`os\.path\.join\(\s*r?(['"])([\w./-]+)\1\s*,\s*${value}\s*\)`,
    String.raw`\bf(['"])([\w./-]+)/\{${value}\}\1`,
    String.raw`(['"])([\w./-]+)/\1\s*\+\s*${value}`,
    String.raw`Path\(\s*r?(['"])([\w./-]+)\1\s*\)\s*/\s*${value}`,
  ].map((p) => new RegExp(p));
  for (const line of program.split("\n")) {
    if (line.length > MAX_LINE || !line.includes(dest) || /^\s*#/.test(line)) continue;
    for (const p of patterns) {
      const folder = p.exec(line)?.[2]?.replace(/^(?:\.\/)+|\/+$/g, "");
      if (folder !== undefined && folder !== "" && !folder.startsWith("/")) return folder;
    }
  }
  return null;
}
