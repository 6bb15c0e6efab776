// The options a training command line passes (`--img 512`, `--epochs=30`, `imgsz=640`, `--amp`), by name. Pure.

/** Words of a shell command, quotes removed (no expansion: the command is only read). */
function commandWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** Option name (dashes kept off, `-` as `_`) -> its value; a bare flag reads "true". Later options win. */
export function commandArgs(command: string): Map<string, string> {
  const words = commandWords(command);
  const args = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const option = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(w);
    if (option) {
      const name = option[1]!.replace(/-/g, "_").toLowerCase();
      const next = words[i + 1];
      if (option[2] !== undefined) args.set(name, option[2]);
      else if (next !== undefined && !/^--?[A-Za-z]/.test(next) && !/^[|&;]/.test(next)) args.set(name, words[++i]!);
      else args.set(name, "true");
      continue;
    }
    const assignment = /^([A-Za-z][\w.]*)=(.+)$/.exec(w); // ultralytics' CLI and hydra overrides: imgsz=640
    if (assignment) args.set(assignment[1]!.replace(/-/g, "_").toLowerCase(), assignment[2]!);
  }
  return args;
}

/** The Python script a command runs ("python train.py", "torchrun ... train.py", "python -m pkg.train"). */
export function commandScript(command: string): string | null {
  const words = commandWords(command);
  const module = words.indexOf("-m");
  if (module >= 0 && words[module + 1] && /^python/.test(words[module - 1] ?? ""))
    return `${words[module + 1]!.replace(/\./g, "/")}.py`;
  return words.find((w) => /\.py$/.test(w))?.replace(/^\.\//, "") ?? null;
}
