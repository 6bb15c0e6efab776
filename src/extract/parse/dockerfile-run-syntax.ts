// Whether each Dockerfile RUN's shell command can parse (pure, never executed): a command that ends on `&&`,
// `||` or `|` with nothing after it, or leaves a quote open, fails the build at that step.

export interface RunSyntaxProblem {
  /** The RUN's first line. */
  line: number;
  problem: string;
}

/** Logical instructions as the builder reads them: `\` continues a line, and comment or empty lines inside a
 * continuation are dropped. */
function instructions(lines: readonly string[]): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buffer: string | null = null;
  let start = 0;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (buffer === null) {
      if (!trimmed || trimmed.startsWith("#")) return;
      buffer = "";
      start = i + 1;
    } else if (!trimmed || trimmed.startsWith("#")) return;
    if (/\\\s*$/.test(raw)) {
      buffer += `${raw.replace(/\\\s*$/, "")} `;
      return;
    }
    out.push({ text: buffer + raw, line: start });
    buffer = null;
  });
  // A continuation the file ends inside still runs what it has.
  if (buffer !== null && (buffer as string).trim()) out.push({ text: buffer, line: start });
  return out;
}

/** What in a POSIX shell command keeps it from parsing: an open quote, or a trailing operator. Null when it parses
 * as far as this reads it (words, quotes, escapes, comments; nothing deeper). */
export function shellSyntaxProblem(command: string): string | null {
  let quote: "'" | '"' | null = null;
  let last = "";
  let atWordStart = true;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === "\\") {
      i++;
      last = "word";
      atWordStart = false;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      last = "word";
      atWordStart = false;
      continue;
    }
    if (c === "#" && atWordStart) {
      const end = command.indexOf("\n", i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (/\s/.test(c)) {
      atWordStart = true;
      continue;
    }
    atWordStart = /[;&|()]/.test(c);
    if (c === "&" && command[i + 1] === "&") ((last = "&&"), i++);
    else if (c === "|" && command[i + 1] === "|") ((last = "||"), i++);
    else if (c === "|") last = "|";
    else if (c === ";" || c === "&") last = c;
    else last = "word";
  }
  if (quote) return `a ${quote === "'" ? "single" : "double"} quote is never closed`;
  if (last === "&&" || last === "||" || last === "|") return `the command ends with "${last}" and nothing follows it`;
  return null;
}

/** Each shell-form RUN whose command cannot parse, at its first line. A Dockerfile that changes its escape
 * character or its shell to another language, an exec-form RUN and a heredoc are not read. */
export function runSyntaxProblems(text: string): RunSyntaxProblem[] {
  const lines = text.split(/\r?\n/);
  if (lines.some((l) => /^\s*#\s*escape\s*=\s*(?!\\)\S/i.test(l))) return [];
  const out: RunSyntaxProblem[] = [];
  for (const { text: instruction, line } of instructions(lines)) {
    const shell = /^SHELL\s+\[\s*"([^"]+)"/i.exec(instruction);
    if (shell && !/(?:^|\/)(?:ba|da|z|k)?sh$/.test(shell[1]!)) break;
    const run = /^RUN\s+((?:--[\w-]+(?:=\S*)?\s+)*)([\s\S]*)$/i.exec(instruction.trim());
    if (!run) continue;
    const command = run[2]!.trim();
    if (!command || command.startsWith("[") || /(?:^|\s)<<-?\s*["']?\w/.test(command)) continue;
    const problem = shellSyntaxProblem(command);
    if (problem) out.push({ line, problem });
  }
  return out;
}
