// Lines of a shell script whose value is only a default: `DIR=${1:-/x}`, `: "${DIR:=/x}"`, or `DIR=/x` that a
// later `DIR=$1` replaces. The caller's argument (or environment) sets it, so a machine path there is a default
// to pass over, not one to hunt. Pure over the text.

/** `${1:-x}`, `${VAR:=x}`, `${VAR-x}`: a value the argument or the environment replaces when given. */
const EXPANSION_DEFAULT = /\$\{\w+:?[-=]/;
/** `VAR=/x` (a plain assignment, optionally `export`ed or `local`). */
const ASSIGN = /^\s*(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=(?!\$\{?\d)/;
/** `VAR=$1`, `VAR="${2}"`: the variable set from a positional argument. */
const FROM_ARGUMENT = /(?:^|[\s;&|(]|\bthen\s)(?:export\s+|local\s+)?([A-Za-z_]\w*)=["']?\$\{?\d\}?["']?(?:\s|;|$)/g;

/** The 1-based lines whose paths are defaults an argument (or the environment) overrides. */
export function overriddenShellDefaults(text: string): Set<number> {
  const lines = text.split(/\r?\n/);
  const fromArgument = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(FROM_ARGUMENT)) fromArgument.add(m[1]!);
  const out = new Set<number>();
  lines.forEach((line, i) => {
    const assign = ASSIGN.exec(line);
    if (EXPANSION_DEFAULT.test(line) || (assign && fromArgument.has(assign[1]!))) out.add(i + 1);
  });
  return out;
}
