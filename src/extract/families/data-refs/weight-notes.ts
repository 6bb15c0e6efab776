// A code file's own note of where its weights come from: a comment or docstring linking a code host or model hub
// ("Weights from https://github.com/u/models/releases"). A load in that file of weights nobody ships has its
// source named there. Pure.

const SOURCE_LINK =
  /https?:\/\/(?:www\.)?(?:github\.com|huggingface\.co|download\.pytorch\.org|storage\.googleapis\.com|zenodo\.org)\/\S+/i;

/** The first line (1-based) of a comment or docstring that links a weights source, or null. */
export function weightsSourceLine(text: string): number | null {
  let quote: string | null = null;
  const lines = text.length > 2_000_000 ? [] : text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opens: RegExpExecArray | null = quote === null ? /"""|'''/.exec(line) : null;
    const inDoc = quote !== null || opens !== null;
    if ((inDoc || /^\s*#/.test(line)) && SOURCE_LINK.test(line)) return i + 1;
    // A docstring opened and closed on one line leaves none open.
    if (quote !== null) {
      if (line.includes(quote)) quote = null;
    } else if (opens && !line.slice(opens.index + 3).includes(opens[0])) quote = opens[0];
  }
  return null;
}
