// Split a README (Markdown or reStructuredText) into what the readme facts are made of: section titles,
// code lines (fenced, indented, `::` literal blocks, HTML `<pre>` blocks, quoted commands), inline code spans, link targets and
// prose. Pure.

export interface ReadmeParts {
  /** Headings; `level` 1 is the outermost (`#`, a `===` underline), deeper headings count up. */
  sections: Array<{ line: number; title: string; level: number }>;
  /** Lines inside code blocks, with the block they belong to (numbered in reading order). */
  code: Array<{ line: number; text: string; block: number }>;
  inline: Array<{ line: number; text: string }>;
  links: Array<{ line: number; target: string }>;
  /** Lines outside code blocks, inline code removed (for "branch `x`" sentences the spans are kept). */
  prose: Array<{ line: number; text: string }>;
}

/** A fence at any indent: one indented under a list item (`1. Train:` then four spaces and ```` ``` ````) is the item's code. */
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** A setext or rst underline; not backticks, which open a Markdown fence ("text\n```" is a paragraph and a code block). */
const UNDERLINE = /^\s*([=\-~^"'#*+]){3,}\s*$/;
/** An rst directive whose body is code: `.. code-block:: bash`, `.. code:: python`, `.. sourcecode::`, `.. prompt::`. */
const RST_CODE = /^\s*\.\.\s+(?:code-block|code|sourcecode|prompt)::(?:\s+[\w+-]+)*\s*$/i;
/** How far a line is indented, a tab counting as a step to the next multiple of eight (as rst reads it). */
const indentOf = (raw: string): number => {
  let width = 0;
  for (const ch of raw) {
    if (ch === " ") width++;
    else if (ch === "\t") width = width - (width % 8) + 8;
    else break;
  }
  return width;
};
/** A line with up to `width` columns of leading white space taken off, as CommonMark reads a fence's content. */
function dedent(raw: string, width: number): string {
  let taken = 0;
  let i = 0;
  while (i < raw.length && taken < width && (raw[i] === " " || raw[i] === "\t")) {
    taken = raw[i] === "\t" ? taken - (taken % 8) + 8 : taken + 1;
    i++;
  }
  return raw.slice(i);
}
/** A Markdown blockquote line (`> python train.py`), not a nested one (`>> output`), and what it quotes. */
const QUOTE = /^\s{0,3}>(?!>)\s?(.*)$/;
/** A quoted line that is a command: it starts with a program a README runs (not an English word such as `make`),
 * or a script by its path. Some READMEs write every step as a quote, with no code block at all. */
const QUOTED_COMMAND =
  /^(?:\$\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:sudo\s+)?(?:(?:python|pip|pypy|ipython)[\d.]*|conda|mamba|bash|sh|cd|mkdir|git|kaggle|wget|curl|gdown|unzip|tar|chmod|docker|nvidia-docker|accelerate|torchrun|deepspeed|jupyter|papermill|huggingface-cli|\.\/[\w./-]+)(?=\s|$)/;
/** An HTML `<pre>` block's opening and closing tags, and the inline tags and entities inside it. */
const PRE_OPEN = /<pre\b[^>]*>/i;
const PRE_CLOSE = /<\/pre\s*>/i;
const ENTITIES: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};

/** A `<pre>` block's line as the reader sees it: its `<code>`-like tags dropped, its entities decoded. */
function preText(raw: string): string {
  return raw
    .replace(/<\/?(?:code|kbd|samp|span|b|i|em|strong)\b[^>]*>/gi, "")
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);
}

export function parseReadme(text: string): ReadmeParts {
  const lines = text.split(/\r?\n/);
  const parts: ReadmeParts = { sections: [], code: [], inline: [], links: [], prose: [] };
  let fence: string | null = null;
  let fenceIndent = 0; // the open fence's indent, taken off its lines as a list item's content
  let block = 0;
  let literal = false; // inside an rst `::` block or a Markdown indented block
  let literalIndent = 3; // a literal line is indented past this: 3 for Markdown, the opener's indent for rst
  let directive = false; // just after an rst directive, where `:option:` lines come before the body
  let previousBlank = true;
  let pre = false; // inside an HTML `<pre>` block, which Markdown leaves as written
  let quotedLine = -1; // the last quoted command's line: the one right after it joins its block
  // An underlined title's level: `=` is 1 and `-` is 2 (Markdown's setext); rst's other marks by first use, below those.
  const underlineLevels = new Map<string, number>([
    ["=", 1],
    ["-", 2],
  ]);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    // A backtick fence's info string holds no backtick (CommonMark): "```x = 1```" is inline code.
    const fenced = FENCE.exec(raw);
    const opener =
      fenced && !(fenced[1]!.startsWith("`") && raw.slice(raw.indexOf(fenced[1]!) + fenced[1]!.length).includes("`"))
        ? fenced
        : null;
    if (fence !== null) {
      if (opener && opener[1]!.startsWith(fence[0]!) && opener[1]!.length >= fence.length && raw.trim() === opener[1])
        fence = null;
      else parts.code.push({ line, text: dedent(raw, fenceIndent), block });
      continue;
    }
    if (opener) {
      fence = opener[1]!;
      fenceIndent = indentOf(raw);
      block++;
      continue;
    }
    // An HTML `<pre>` block (often `<pre><code>`): its lines are code, the text around its tags too.
    const preOpen = pre ? null : PRE_OPEN.exec(raw);
    if (pre || preOpen) {
      if (preOpen) ((pre = true), block++);
      const from = preOpen ? preOpen.index + preOpen[0].length : 0;
      const close = PRE_CLOSE.exec(raw.slice(from));
      const inside = preText(close ? raw.slice(from, from + close.index) : raw.slice(from));
      if (inside.trim()) parts.code.push({ line, text: inside, block });
      if (close) pre = false;
      previousBlank = true;
      continue;
    }
    const blank = raw.trim() === "";
    const indented = /^( {4,}|\t)/.test(raw);
    if (literal && (blank || indentOf(raw) > literalIndent)) {
      // An rst directive's options (`:linenos:`) stand between it and its body; they are not code.
      if (directive && /^\s*:[\w-]+:/.test(raw)) continue;
      if (!blank) ((directive = false), parts.code.push({ line, text: raw, block }));
      continue;
    }
    literal = false;
    directive = false;
    if (indented && previousBlank && !/^\s*([-*+]|\d+[.)])\s/.test(raw)) {
      literal = true;
      literalIndent = 3;
      block++;
      parts.code.push({ line, text: raw, block });
      continue;
    }
    // A quoted command is code; consecutive ones are one block, as a reader would paste them.
    const quote = QUOTE.exec(raw);
    const quotedCommand = quote !== null && QUOTED_COMMAND.test(quote[1]!.trim()) ? quote[1]!.trim() : null;
    if (quotedCommand !== null) {
      if (quotedLine !== line - 1) block++;
      quotedLine = line;
      previousBlank = false;
      parts.code.push({ line, text: quotedCommand, block });
      continue;
    }
    previousBlank = blank;
    if (blank) continue;

    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    const next = lines[i + 1];
    if (atx) parts.sections.push({ line, title: atx[2]!, level: atx[1]!.length });
    else if (
      next !== undefined &&
      UNDERLINE.test(next) &&
      // A list item is no title: the rule under "2. Run x.ipynb" (`***`, `---`) ends the list, it underlines nothing.
      !/^\s*(?:[-*+]|\d+[.)])\s/.test(raw) &&
      next.trim().length >= Math.min(3, raw.trim().length)
    ) {
      const mark = next.trim()[0]!;
      if (!underlineLevels.has(mark)) underlineLevels.set(mark, underlineLevels.size + 1);
      parts.sections.push({ line, title: raw.trim(), level: underlineLevels.get(mark)! });
      i++; // the underline
      previousBlank = false;
      continue;
    }
    // An rst literal block (`text::`) or code directive (`.. code-block:: bash`, `.. code::`): its body is every
    // line indented past the opener, by any amount (rst bodies are often indented by two or three spaces).
    const code = RST_CODE.exec(raw);
    if (code || /::\s*$/.test(raw)) {
      literal = true;
      directive = code !== null;
      literalIndent = indentOf(raw);
      block++;
      if (code) continue;
    }
    for (const span of raw.matchAll(/(`+)([^`]+?)\1(?!`)/g)) parts.inline.push({ line, text: span[2]!.trim() });
    // A target never runs past the bracket or backtick that opens the next link: each start then scans its
    // own stretch of the line only, so a line of "](](](..." or "`<`<`<..." with nothing closed is linear.
    for (const link of raw.matchAll(/\]\(\s*<?([^)\]\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      parts.links.push({ line, target: link[1]! });
    for (const link of raw.matchAll(/`[^`<]*<([^>`]+)>`_/g)) parts.links.push({ line, target: link[1]! });
    parts.prose.push({ line, text: raw });
  }
  return parts;
}
