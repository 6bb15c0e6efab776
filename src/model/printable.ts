// Text from the repo or a leaderboard shown to people or written into files other programs parse: control,
// line-separator and bidi characters appear as visible escapes ("\x1b", "\u202e") instead of acting.

/** C0 and C1 controls, DEL, U+2028/2029 (line breaks to JavaScript and YAML), and the bidi embeddings,
 * overrides, isolates and marks that make text read differently from how it is stored. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Every unsafe character escaped; `keepLines` leaves tab and newline for renderers that lay out lines. */
export function printable(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? UNSAFE_BUT_LINES : UNSAFE, escapeOne);
}

/** Whether the text holds a character printable() would escape. */
export function hasUnsafeCharacters(text: string): boolean {
  return new RegExp(UNSAFE.source).test(text);
}

/** A copy of a report (any plain data) whose strings are printable(keepLines): for renderers meant for people. */
export function printableDeep<T>(value: T): T {
  if (typeof value === "string") return printable(value, { keepLines: true }) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, printableDeep(v)]),
    ) as T;
  }
  return value;
}

// eslint-disable-next-line no-control-regex
const JSON_RAW = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, line separators, bidi) written as
 * \u escapes: the same values, shown instead of acting when a person reads the file. */
export function jsonVisible(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
