// Hosted experiment trackers a training starts: `wandb.init(...)`, `neptune.init_run(...)`,
// `comet_ml.Experiment(...)`, Lightning's `WandbLogger`, `NeptuneLogger`, `CometLogger`. Each needs an account's
// API key unless it is told to run offline; started on every run with no switch, a stranger's rerun stops at the
// login (without a terminal, wandb raises "api_key not configured") until they make an account or edit the code.
// A call is switchable when it takes a mode (`mode=`, `offline=`, `disabled=`, `anonymous=`) or sits under an
// `if` or `try`. Pure.

export interface TrackerStart {
  line: number;
  /** wandb | neptune | comet */
  tracker: string;
  /** The call as written: "wandb.init", "WandbLogger". */
  name: string;
  /** True when this call offers a way to run without an account (a mode argument, an `if` or a `try` around it). */
  switchable: boolean;
}

const STARTS: ReadonlyArray<{ re: RegExp; tracker: string; modes: RegExp }> = [
  { re: /\b(wandb\.init)\s*\(/, tracker: "wandb", modes: /\b(?:mode|anonymous)\s*=/ },
  { re: /\b(WandbLogger)\s*\(/, tracker: "wandb", modes: /\b(?:offline|mode|anonymous)\s*=/ },
  { re: /\b(neptune(?:\.new)?\.init(?:_run)?)\s*\(/, tracker: "neptune", modes: /\bmode\s*=/ },
  { re: /\b(NeptuneLogger)\s*\(/, tracker: "neptune", modes: /\b(?:mode|offline_mode)\s*=/ },
  { re: /\b((?:comet_ml\.)?Experiment)\s*\(/, tracker: "comet", modes: /\bdisabled\s*=/ },
  { re: /\b(CometLogger)\s*\(/, tracker: "comet", modes: /\b(?:offline|disabled)\s*=/ },
];
/** A mode argument that forces the hosted service is no switch. */
const FORCED_ONLINE = /\b(?:mode\s*=\s*['"](?:online|async|sync)['"]|offline\s*=\s*False\b|disabled\s*=\s*False\b)/;
/** The repo's own words for running without an account: an environment variable or the CLI's offline mode. */
export const OFFLINE_SWITCH =
  /\b(?:WANDB_MODE|WANDB_DISABLED|WANDB_OFFLINE|NEPTUNE_MODE|COMET_DISABLE|COMET_OFFLINE_DIRECTORY)\b|\bwandb\s+(?:offline|disabled)\b/;

/** The tracker starts in a Python file's text, each with whether the call itself can be switched off. */
export function trackerStarts(text: string): TrackerStart[] {
  if (!/wandb|neptune|comet|Experiment\s*\(/i.test(text)) return [];
  const lines = text.split("\n");
  const comet = /\bcomet_ml\b/.test(text);
  const out: TrackerStart[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "");
    if (line.length > 2000 || /^\s*(?:def|class|import|from)\b/.test(line)) return;
    for (const s of STARTS) {
      const m = s.re.exec(line);
      if (!m) continue;
      // A bare `Experiment(` is comet's only where the file imports comet_ml.
      if (s.tracker === "comet" && m[1] === "Experiment" && !comet) continue;
      const args = callArguments(lines, i, (m.index ?? 0) + m[0].length);
      const switchable = (s.modes.test(args) && !FORCED_ONLINE.test(args)) || guarded(lines, i);
      out.push({ line: i + 1, tracker: s.tracker, name: m[1]!, switchable });
      break;
    }
  });
  return out;
}

/** The text of a call's arguments from just after its `(`, across lines until the parentheses balance (capped). */
function callArguments(lines: readonly string[], i: number, from: number): string {
  let depth = 1;
  let out = "";
  for (let k = i, start = from; k < lines.length && k < i + 40; k++, start = 0) {
    const line = lines[k]!.replace(/#.*$/, "");
    for (let c = start; c < line.length; c++) {
      const ch = line[c]!;
      if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) return out;
      out += ch;
    }
    out += "\n";
  }
  return out;
}

/** A condition that names the tracker or logging: the user's switch for it. */
const TRACKER_SWITCH = /wandb|neptune|comet|track|log|report|online|offline/i;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Inside an `if` or `elif` whose condition names the tracker or logging, an `else`, a `try`, or on a line with a
 * conditional expression: the code offers a way not to start the tracker. A `def` stops the search: whether its callers guard it is not
 * read here. */
function guarded(lines: readonly string[], i: number): boolean {
  if (/\bif\b.*\belse\b/.test(lines[i]!)) return true;
  let indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const line = lines[k]!;
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const d = indentOf(line);
    if (d >= indent) continue;
    indent = d;
    const head = line.trimStart();
    if (/^(?:try|except)\b/.test(head)) return true;
    // `if args.use_wandb:` is a switch; `if not args.debug:` is not: a normal run still logs in.
    if (/^(?:if|elif)\b/.test(head) && TRACKER_SWITCH.test(head)) return true;
    if (/^else\b/.test(head)) return true;
    if (/^(?:async\s+)?def\b|^class\b/.test(head)) return false;
  }
  return false;
}
