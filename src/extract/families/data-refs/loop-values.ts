// Loop ranges of a writer and its reader that disagree: run.sh trains `for seed in 0 1 2` into
// `outputs/fold{f}/seed{args.seed}/val.csv`, a notebook reads `seed{seed}` for `seeds = [0, 1, 2, 3]`: seed 3 is
// written by no step. Only literal ranges on both sides are compared. Pure.

/** An f-string's fields with the fixed text just before each (`seed{args.seed}` -> seed, args.seed). */
function fieldsOf(lineText: string): Array<{ before: string; expr: string }> {
  const out: Array<{ before: string; expr: string }> = [];
  for (const m of lineText.matchAll(/\b[rR]?[fF][rR]?(["'])((?:(?!\1).)*)\1/g))
    for (const f of m[2]!.matchAll(/([A-Za-z_]*)\{([^{}]+)\}/g))
      out.push({ before: f[1]!, expr: f[2]!.replace(/(?:![rsa])?(?::[^}]*)?$/, "").trim() });
  return out;
}

/** The literal values a Python loop gives `name` (`for seed in [0, 1]`, `for seed in seeds` with `seeds = [...]`,
 * `for seed in range(3)`); null when the range is not literal. */
function pythonLoopValues(text: string, name: string): string[] | null {
  const loop = new RegExp(`\\bfor\\s+${name}\\s+in\\s+([^:\\n]+):`).exec(text)?.[1]?.trim();
  if (!loop) return null;
  const literal = (x: string): string[] | null => {
    const list = /^[[(]([^\][()]*)[\])]$/.exec(x)?.[1];
    if (list !== undefined) {
      const items = list
        .split(",")
        .map((s) => s.trim().replace(/^(["'])(.*)\1$/, "$2"))
        .filter((s) => s !== "");
      return items.every((s) => /^[\w.-]+$/.test(s)) ? items : null;
    }
    const range = /^range\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(x);
    if (range) {
      const [a, b] = range[2] !== undefined ? [Number(range[1]), Number(range[2])] : [0, Number(range[1])];
      return b - a > 0 && b - a <= 100 ? Array.from({ length: b - a }, (_, i) => String(a + i)) : null;
    }
    return null;
  };
  const direct = literal(loop);
  if (direct || !/^[A-Za-z_]\w*$/.test(loop)) return direct;
  // `seeds = [0, 1, 2, 3]` before the loop (the last such line).
  const sets = [...text.matchAll(new RegExp(`^\\s*${loop}\\s*=\\s*([^\\n#]+)`, "gm"))];
  const value = sets[sets.length - 1]?.[1]?.trim();
  return value ? literal(value) : null;
}

/** The values shell loops hand a script's option (`for seed in 0 1 2; do python train.py --seed ${seed}`), over
 * every script that runs `program`; null when no such literal loop is seen. */
function shellLoopValues(
  scripts: ReadonlyArray<{ file: string; text: string }>,
  program: string,
  option: string,
): { values: string[]; by: string } | null {
  const base = program.slice(program.lastIndexOf("/") + 1).replace(/[.]/g, "\\.");
  const values = new Set<string>();
  let by: string | null = null;
  for (const s of scripts) {
    const lines = s.text.split("\n");
    lines.forEach((line, i) => {
      if (!new RegExp(`(?:^|[\\s/])${base}\\b`).test(line)) return;
      const v = new RegExp(`--${option}[\\s=]+["']?\\$\\{?([A-Za-z_]\\w*)\\}?`).exec(line)?.[1];
      if (!v) return;
      // The nearest loop above over that variable.
      for (let j = i; j >= 0; j--) {
        const m = new RegExp(`^\\s*for\\s+${v}\\s+in\\s+([^;\\n]+?)\\s*(?:;|$)`).exec(lines[j]!);
        if (!m) continue;
        const words = m[1]!.trim().split(/\s+/);
        if (!words.every((w) => /^[\w.-]+$/.test(w))) return;
        for (const w of words) values.add(w);
        by ??= `${s.file}:${j + 1}`;
        return;
      }
    });
  }
  return by === null ? null : { values: [...values], by };
}

/** The reader's loop values its writer's loop never gives, as "seed 3 (run.sh:3 loops seed over 0 1 2)"; null
 * when the two agree or either range is not literal. `writer`: the producing line's text and its file. */
export function unwrittenLoopValues(
  read: { lineText: string; fileText: string },
  writer: { lineText: string; file: string },
  scripts: ReadonlyArray<{ file: string; text: string }>,
): string | null {
  const written = fieldsOf(writer.lineText);
  for (const f of fieldsOf(read.lineText)) {
    if (f.before.length < 3 || !/^[A-Za-z_]\w*$/.test(f.expr)) continue;
    const w = written.find((x) => x.before === f.before);
    // The writer's field is an option of its command line (`args.seed`).
    const option = w && /^(?:args|opt|opts|cfg|config)\.([A-Za-z_]\w*)$/.exec(w.expr)?.[1];
    if (!option) continue;
    const reads = pythonLoopValues(read.fileText, f.expr);
    const writes = reads && shellLoopValues(scripts, writer.file, option);
    if (!reads || !writes) continue;
    const missing = reads.filter((r) => !writes.values.includes(r));
    if (missing.length > 0)
      return `${f.before} ${missing.join(", ")} (${writes.by} loops ${option} over ${writes.values.join(" ")})`;
  }
  return null;
}
