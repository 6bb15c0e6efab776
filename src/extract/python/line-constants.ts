// The path values names are bound to, with where each binding holds. Read at a line, a name holds the value
// it was last given above it in the same function (a local `dump_path` that each method sets anew) or at
// module level; else its last module-level value (a constant a function defined above it reads at run time).
// A local of another function never stands in. With no line set it is a plain map of the values bound so far.
export class LineConstants extends Map<string, string> {
  private readonly bindings = new Map<string, Array<{ line: number; value: string; scope: [number, number] | null }>>();
  /** The line being read, or null. */
  at: number | null = null;

  /** `scope`: the lines of the function the binding is local to, or null at module level. */
  bind(name: string, value: string, line: number, scope: [number, number] | null): void {
    this.set(name, value);
    (this.bindings.get(name) ?? this.bindings.set(name, []).get(name)!).push({ line, value, scope });
  }

  override get(name: string): string | undefined {
    const at = this.at;
    const bound = at === null ? undefined : this.bindings.get(name);
    if (at === null || !bound) return super.get(name);
    let value: string | undefined;
    let moduleValue: string | undefined;
    for (const b of bound) {
      if (b.scope === null) moduleValue = b.value;
      if (b.line <= at && (b.scope === null || (b.scope[0] <= at && at <= b.scope[1]))) value = b.value;
    }
    return value ?? moduleValue;
  }
}

/** The line spans of the functions among logical lines (`def` or `async def` heads and their deeper body). */
export function functionSpans(
  lines: ReadonlyArray<{ from: number; to: number; depth: number }>,
  lineOf: (token: number) => number,
  isDef: (token: number) => boolean,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!isDef(l.from)) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.depth > l.depth) j++;
    out.push([lineOf(l.from), lineOf((j > i + 1 ? lines[j - 1]! : l).to - 1)]);
  }
  return out;
}
