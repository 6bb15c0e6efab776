// Branches the documented arguments rule out: `if args.dataset == 'ImageNet':` in a module every step runs with
// `--dataset=CIFAR100` (or the option's default, when no step passes it). What such a branch reads, loads or names
// is not on the rerun path. Only tests of one option against string literals, read line by line; a value the code
// sets itself, or one unknown for any step, rules nothing out. Pure.
import type { Span } from "./main-only.js";
import { blockLast, indentOf } from "../../python/blocks.js";

/** The values one option takes over every step that reaches a file, and in words how they are known; null when
 * any step's value is unknown. */
export type OptionValues = (option: string) => { values: readonly string[]; why: string } | null;

const HEADER = /^([ \t]*)(?:if|elif)\s+(.+?):\s*(?:#.*)?$/;
/** `args.dataset`, `self.opt.backbone`: the option is the last name. */
const OPTION = String.raw`(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*)`;
const STR = String.raw`(['"])([^'"\\]*)['"]`;

/** Which values make the test true, or null when the test is not one this reads. */
function testOf(test: string): { option: string; holds: (value: string) => boolean } | null {
  const t = test.trim().replace(/^\((.*)\)$/, "$1");
  if (/\b(?:and|or|not)\b/.test(t)) return null;
  let m = new RegExp(`^${OPTION}\\s*(==|!=)\\s*${STR}$`).exec(t);
  if (m) return { option: m[1]!, holds: (v) => (v === m![4]) === (m![2] === "==") };
  m = new RegExp(`^${STR}\\s*(==|!=)\\s*${OPTION}$`).exec(t);
  if (m) return { option: m[4]!, holds: (v) => (v === m![2]) === (m![3] === "==") };
  m = new RegExp(`^${STR}\\s+in\\s+${OPTION}$`).exec(t);
  if (m) return { option: m[3]!, holds: (v) => v.includes(m![2]!) };
  m = new RegExp(`^${OPTION}\\.find\\(\\s*${STR}\\s*\\)\\s*(!=\\s*-1|>=\\s*0|>\\s*-1|==\\s*-1)$`).exec(t);
  if (m) return { option: m[1]!, holds: (v) => v.includes(m![3]!) !== /==/.test(m![4]!) };
  m = new RegExp(`^${OPTION}\\.(startswith|endswith)\\(\\s*${STR}\\s*\\)$`).exec(t);
  if (m) return { option: m[1]!, holds: (v) => (m![2] === "startswith" ? v.startsWith(m![4]!) : v.endsWith(m![4]!)) };
  m = new RegExp(`^${OPTION}\\s+in\\s+[([{]((?:\\s*${STR}\\s*,?)+)[)\\]}]$`).exec(t);
  if (m) {
    const listed = [...m[2]!.matchAll(/(['"])([^'"\\]*)\1/g)].map((x) => x[2]!);
    return { option: m[1]!, holds: (v) => listed.includes(v) };
  }
  return null;
}

/** The body spans (1-based lines) of the `if`/`elif` branches whose test no known value makes true, each with why. */
export function ruledOutSpans(text: string, valuesOf: OptionValues): Array<{ span: Span; why: string }> {
  const lines = text.split("\n");
  const out: Array<{ span: Span; why: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const head = HEADER.exec(lines[i]!);
    if (!head) continue;
    const test = testOf(head[2]!);
    if (!test) continue;
    // Code that sets the option itself may give it a value no command does.
    if (new RegExp(`\\.${test.option}\\s*=[^=]|setattr\\([^)]*['"]${test.option}['"]`).test(text)) continue;
    const known = valuesOf(test.option);
    if (!known || known.values.length === 0 || known.values.some(test.holds)) continue;
    const last = blockLast(lines, i);
    if (last > i) out.push({ span: [i + 2, last + 1], why: known.why });
  }
  return out;
}
