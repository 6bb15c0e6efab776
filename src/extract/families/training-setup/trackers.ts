// Hosted experiment trackers a training starts: `wandb.init(...)`, `neptune.init_run(...)`,
// `comet_ml.Experiment(...)`, Lightning's `WandbLogger`, `NeptuneLogger`, `CometLogger`. Each needs an account's
// API key unless it is told to run offline; started on every run with no switch, a stranger's rerun stops at the
// login (without a terminal, wandb raises "api_key not configured") until they make an account or edit the code.
// A call is switchable when it takes a mode the user can set (`mode=`, `offline=`, `disabled=`, `anonymous=`) or
// sits under an `if` or `try`; a mode of None, or one only a debug flag turns off, is no switch: debugging is not
// running offline. Pure.

export interface TrackerStart {
  line: number;
  /** wandb | neptune | comet */
  tracker: string;
  /** The call as written: "wandb.init", "WandbLogger". */
  name: string;
  /** True when this call offers a way to run without an account (a mode argument, an `if` or a `try` around it, or
   * every call of the function that starts it behind one). */
  switchable: boolean;
  /** The config switches that turn it on, where `switchable` rests only on `if` tests of named switches (`use_wandb`
   * of `if cfg.use_wandb:`): whether they are on by default is the plan's configs' and the code's defaults' to say. */
  switches?: string[];
  /** Logs in with the service's anonymous token (`api_token=neptune.ANONYMOUS_API_TOKEN`): no account, but the network. */
  anonymous?: boolean;
}

/** The lines that call a function by name (`self.add_run(`, `exp.add_run(`), in any file: where its callers guard it. */
export type CallSites = (name: string) => ReadonlyArray<{ lines: readonly string[]; i: number }>;

/** A token value that needs no account: the service's public anonymous key. */
const ANONYMOUS_TOKEN = /\bANONYMOUS_API_TOKEN\b/;

const STARTS: ReadonlyArray<{ re: RegExp; tracker: string; modes: RegExp }> = [
  { re: /\b(wandb\.init)\s*\(/, tracker: "wandb", modes: /\b(?:mode|anonymous)\s*=(?!=)/ },
  { re: /\b(WandbLogger)\s*\(/, tracker: "wandb", modes: /\b(?:offline|mode|anonymous)\s*=(?!=)/ },
  { re: /\b(neptune(?:\.new)?\.init(?:_run)?)\s*\(/, tracker: "neptune", modes: /\bmode\s*=(?!=)/ },
  { re: /\b(NeptuneLogger)\s*\(/, tracker: "neptune", modes: /\b(?:mode|offline_mode)\s*=(?!=)/ },
  { re: /\b((?:comet_ml\.)?Experiment)\s*\(/, tracker: "comet", modes: /\bdisabled\s*=(?!=)/ },
  { re: /\b(CometLogger)\s*\(/, tracker: "comet", modes: /\b(?:offline|disabled)\s*=(?!=)/ },
];
/** A mode value that leaves the hosted service on: None (the default), online, async or sync, offline or disabled False. */
const ONLINE_VALUE = /^(?:None|False|['"](?:online|async|sync)['"])$/;
/** The repo's own words for running without an account: an environment variable or the CLI's offline mode. */
export const OFFLINE_SWITCH =
  /\b(?:WANDB_MODE|WANDB_DISABLED|WANDB_OFFLINE|NEPTUNE_MODE|COMET_DISABLE|COMET_OFFLINE_DIRECTORY)\b|\bwandb\s+(?:offline|disabled)\b/;

/** The tracker starts in a Python file's text, each with whether the call itself can be switched off. */
export function trackerStarts(text: string, callSites: CallSites = () => []): TrackerStart[] {
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
      const moded = modeSwitch(args, s.modes, lines);
      const own = guarded(lines, i);
      const callers = own ? null : callersGuarded(lines, i, callSites);
      const switchable = moded || own || callers !== null;
      // Named switches only where nothing else (a mode, a try, an else) offers the way out.
      const named = moded ? null : own ? switchesAbove(lines, i) : callers;
      const anonymous = anonymousToken(args, lines);
      out.push({
        line: i + 1,
        tracker: s.tracker,
        name: m[1]!,
        switchable,
        ...(named && named.length > 0 ? { switches: named } : {}),
        ...(anonymous ? { anonymous } : {}),
      });
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

/** The value of the call's mode argument as written, up to the next comma outside brackets. */
function modeValue(args: string, modes: RegExp): string | null {
  const m = modes.exec(args);
  if (!m) return null;
  let depth = 0;
  let out = "";
  for (const ch of args.slice((m.index ?? 0) + m[0].length)) {
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    if ((ch === "," && depth === 0) || depth < 0) break;
    out += ch;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Whether a mode value lets the user run without the account: not a value that leaves it online, a conditional only
 * where its condition names the tracker or logging, a local variable by what the file assigns it. */
function modeSwitch(args: string, modes: RegExp, lines: readonly string[]): boolean {
  const value = modeValue(args, modes);
  if (value === null) return false;
  return valueSwitches(value, lines, true);
}

function valueSwitches(value: string, lines: readonly string[], followName: boolean): boolean {
  if (ONLINE_VALUE.test(value)) return false;
  const conditional = /^(.+?)\bif\b(.+?)\belse\b(.+)$/.exec(value);
  if (conditional) return TRACKER_SWITCH.test(conditional[2]!);
  if (followName && /^[A-Za-z_]\w*$/.test(value) && !/^(?:True|False|None)$/.test(value)) {
    const assigned = assignmentsOf(value, lines);
    // A parameter or a name set elsewhere: the caller chooses it.
    if (assigned.length === 0) return true;
    // An offline value set under a debug test is no switch; set unconditionally or under a tracker test, it is.
    return assigned.some(({ k, value: v }) => valueSwitches(v, lines, false) && branchOf(lines, k) !== "other");
  }
  // `offline=cfg.debug`: offline only while debugging. A string constant (offline, disabled) keeps it off; an
  // attribute, call or environment read is the user's.
  return !(/debug/i.test(value) && !TRACKER_SWITCH.test(value));
}

/** The assignments `name = value` in the file, each with its line index. */
function assignmentsOf(name: string, lines: readonly string[]): Array<{ k: number; value: string }> {
  const re = new RegExp(String.raw`^\s*${name}\s*=(?!=)\s*(.+?)\s*$`);
  const out: Array<{ k: number; value: string }> = [];
  lines.forEach((line, k) => {
    const m = line.length <= 2000 ? re.exec(line.replace(/#.*$/, "")) : null;
    if (m) out.push({ k, value: m[1]! });
  });
  return out;
}

/** The block headers enclosing line i, innermost first: each line above it less indented than the one before,
 * blank and comment lines passed over, until the top level. */
function* headsAbove(lines: readonly string[], i: number): Generator<{ k: number; head: string }> {
  let indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const line = lines[k]!;
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const d = indentOf(line);
    if (d >= indent) continue;
    indent = d;
    yield { k, head: line.trimStart() };
  }
}

/** The branch line i sits in: none (no if, elif or else above it in its function), switch (one whose test names
 * the tracker or logging) or other. */
function branchOf(lines: readonly string[], i: number): "none" | "switch" | "other" {
  for (const { k, head } of headsAbove(lines, i)) {
    if (/^(?:if|elif)\b/.test(head)) return TRACKER_SWITCH.test(head) ? "switch" : "other";
    if (/^else\b/.test(head)) return elseSwitches(lines, k) ? "switch" : "other";
    if (/^(?:async\s+)?def\b|^class\b/.test(head)) return "none";
  }
  return "none";
}

/** An `else:` at line k switches the tracker when the `if` or an `elif` it closes tests it. */
function elseSwitches(lines: readonly string[], k: number): boolean {
  const indent = indentOf(lines[k]!);
  for (let j = k - 1; j >= 0; j--) {
    const line = lines[j]!;
    if (line.trim() === "" || /^\s*#/.test(line) || indentOf(line) > indent) continue;
    if (indentOf(line) < indent) return false;
    const head = line.trimStart();
    if (/^elif\b/.test(head) && TRACKER_SWITCH.test(head)) return true;
    if (/^if\b/.test(head)) return TRACKER_SWITCH.test(head);
  }
  return false;
}

/** Inside an `if` or `elif` whose condition names the tracker or logging, the `else` of one, a `try`, or on a line with a
 * conditional expression testing it: the code offers a way not to start the tracker. A `def` stops the search: whether its callers guard it is not
 * read here. */
function guarded(lines: readonly string[], i: number): boolean {
  const inline = /\bif\b(.*)\belse\b/.exec(lines[i]!);
  if (inline && TRACKER_SWITCH.test(inline[1]!)) return true;
  for (const { k, head } of headsAbove(lines, i)) {
    if (/^(?:try|except)\b/.test(head)) return true;
    // `if args.use_wandb:` is a switch; `if not args.debug:` is not: a normal run still logs in.
    if (/^(?:if|elif)\b/.test(head) && TRACKER_SWITCH.test(head)) return true;
    if (/^else\b/.test(head)) return elseSwitches(lines, k);
    if (/^(?:async\s+)?def\b|^class\b/.test(head)) return false;
  }
  return false;
}

/** A start inside a function every call of which sits behind a tracker switch (`if cfg.use_wandb:` around
 * `exp.add_wnb_run(...)`): the switch is the callers'. A function nothing calls is left as it was. Null when not
 * guarded, else the switches the callers test by name (empty when one of them is guarded otherwise: a try, an else). */
function callersGuarded(lines: readonly string[], i: number, callSites: CallSites): string[] | null {
  const fn = enclosingFunction(lines, i);
  if (!fn) return null;
  const sites = callSites(fn);
  if (sites.length === 0 || !sites.every((site) => guarded(site.lines, site.i))) return null;
  const named = sites.map((site) => switchesAbove(site.lines, site.i));
  return named.some((n) => n === null) ? [] : [...new Set(named.flat() as string[])];
}

/** The switch names of the tracker-naming `if`/`elif` tests enclosing line i up to its `def`; null when something
 * else guards it (a try, an else, an inline conditional) or a test is no plain truth test of a named switch. */
function switchesAbove(lines: readonly string[], i: number): string[] | null {
  if (/\bif\b(.*)\belse\b/.test(lines[i]!)) return null;
  const out: string[] = [];
  for (const { head } of headsAbove(lines, i)) {
    if (/^(?:try|except|else)\b/.test(head)) return null;
    if (/^(?:if|elif)\b/.test(head) && TRACKER_SWITCH.test(head)) {
      const names = switchNames(head);
      if (names === null) return null;
      out.push(...names);
    }
    if (/^(?:async\s+)?def\b|^class\b/.test(head)) break;
  }
  return out.length > 0 ? out : null;
}

/** The switches an `if` tests for truth (`if cfg.use_wandb:`, `if args.wandb and is_main:`, `if cfg['use_wandb']:`,
 * `if cfg.get('use_wandb', False):`): each part's last name that names the tracker. Null for any other test (a
 * negation, a comparison), whose default the audit does not weigh. */
function switchNames(head: string): string[] | null {
  const condition = head
    .replace(/^\s*(?:if|elif)\s+/, "")
    .replace(/:\s*(?:#.*)?$/, "")
    .trim();
  const names: string[] = [];
  for (const part of condition.split(/\s+and\s+/)) {
    const got = /^[A-Za-z_][\w.]*\.get\(\s*['"](\w+)['"]\s*(?:,\s*(?:True|False|None)\s*)?\)$/.exec(part);
    const path = /^[A-Za-z_][\w.]*(?:\[\s*['"]\w+['"]\s*\])*$/.test(part)
      ? (part.match(/\w+/g) ?? []).at(-1)
      : undefined;
    const name = got?.[1] ?? path;
    if (name === undefined) {
      if (TRACKER_SWITCH.test(part)) return null;
      continue;
    }
    if (TRACKER_SWITCH.test(name)) names.push(name);
  }
  return names.length > 0 ? names : null;
}

/** The name of the innermost `def` line i sits in, or null at module level. */
function enclosingFunction(lines: readonly string[], i: number): string | null {
  let indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const line = lines[k]!;
    // A signature's closing line (`) -> Run:`) sits at the def's own indentation.
    if (line.trim() === "" || /^\s*(?:#|\))/.test(line)) continue;
    const d = indentOf(line);
    if (d >= indent) continue;
    indent = d;
    const def = /^\s*(?:async\s+)?def\s+(\w+)/.exec(line);
    if (def) return def[1]!;
    if (/^\s*class\b/.test(line)) return null;
  }
  return null;
}

/** The call's api_token is the anonymous key, as written or through a name the file assigns it. */
function anonymousToken(args: string, lines: readonly string[]): boolean {
  const value = modeValue(args, /\bapi_token\s*=(?!=)/);
  if (value === null) return false;
  if (ANONYMOUS_TOKEN.test(value)) return true;
  return /^[A-Za-z_]\w*$/.test(value) && assignmentsOf(value, lines).some((a) => ANONYMOUS_TOKEN.test(a.value));
}
