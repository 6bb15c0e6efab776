// A Dockerfile's text as the engine's parser reads it (pure): parser directives, continuation lines joined
// with nothing, comment and blank lines inside a continuation dropped, and the shell-word lexer the engine
// applies to ADD and COPY words (quotes removed, escapes applied, variables left to the caller).

export interface DockerfileInstruction {
  /** Upper-case keyword: FROM, ADD, COPY, RUN, ... */
  keyword: string;
  args: string;
  /** 1-based line where it starts. */
  line: number;
}

export type EscapeChar = "\\" | "`";

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;

/** The escape character the `# escape=` directive sets (default backslash). Directives are read only at the
 * top, up to the first line that is not one; an escape value other than ` or \ keeps the default (the
 * engine refuses such a file anyway). */
export function escapeDirective(text: string): EscapeChar {
  for (const raw of lines(text)) {
    const directive = DIRECTIVE.exec(raw.replace(/^[ \t]+/, ""));
    if (!directive) break;
    if (directive[1]!.toLowerCase() === "escape") {
      const value = directive[2]!;
      return value === "`" ? "`" : "\\";
    }
  }
  return "\\";
}

function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""));
}

const isComment = (line: string) => /^[ \t]*#/.test(line);

/** The line without its continuation character (and the blanks after it), and whether it continues. */
function continuation(line: string, escape: EscapeChar): { text: string; continues: boolean } {
  const match = new RegExp(`${escape === "`" ? "`" : "\\\\"}[ \\t]*$`).exec(line);
  return match ? { text: line.slice(0, match.index), continues: true } : { text: line, continues: false };
}

/** Instructions as the engine reads them, with `escape` as the continuation character (default: the
 * directive's). Continuation lines are joined with nothing and keep their leading blanks, as the engine does. */
export function dockerfileInstructions(
  text: string,
  escape: EscapeChar = escapeDirective(text),
): DockerfileInstruction[] {
  const all = lines(text);
  const out: DockerfileInstruction[] = [];
  for (let i = 0; i < all.length; i++) {
    if (isComment(all[i]!)) continue;
    const first = continuation(all[i]!.replace(/^[ \t]+/, ""), escape);
    const line = i + 1;
    if (!first.continues && first.text === "") continue;
    let joined = first.text;
    let continues = first.continues;
    while (continues && i + 1 < all.length) {
      const next = all[++i]!;
      if (isComment(next) || next.trim() === "") continue;
      const part = continuation(next, escape);
      joined += part.text;
      continues = part.continues;
    }
    const match = /^(\S+)\s*([\s\S]*)$/.exec(joined.trim());
    if (match) out.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line });
  }
  return out;
}

/** One ADD/COPY word after the engine's lexer: quotes removed, escapes applied. Null when the word holds a
 * variable or an unterminated quote: its value cannot be known from the text. */
export function lexWord(word: string, escape: EscapeChar = "\\"): string | null {
  let out = "";
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (c === "$") {
      return null;
    } else if (c === escape) {
      if (i + 1 < word.length) out += word[++i]!;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else out += c;
  }
  return quote ? null : out;
}
