// Values a reader must fill in before a rerun, left as the author's placeholder: `path/to/data`,
// `<path_to_your_data>`, `path_to_output_directory`, `your_project`, `XXX`, `CHANGE_ME`. Tokens of a vocabulary
// (`<unk>`, `<pad>`, `<mask>`) and Hydra's `???` (set on the command line by design) are not placeholders.

/** A whole value that only stands for one to be filled in. */
const PLACEHOLDER_VALUE =
  /^(?:\/?path\/to(?:\/\S*)?|<[^<>\n]*(?:path|dir|folder|file|your|name|key|project|user)[^<>\n]*>|path[_-]to[_-][\w-]+|your[_-][\w-]+|x{3,}|(?:change|fill|replace)[_-]?me)$/i;

export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return v.length > 0 && v.length <= 120 && PLACEHOLDER_VALUE.test(v);
}

/** A Python assignment of a quoted placeholder (`project = 'XXX'`, `cfg.data_dir = "path/to/data"`). */
const PY_ASSIGNMENT = /^\s*[A-Za-z_][\w.]*(?:\s*:\s*[\w.[\], ]+)?\s*=\s*[rRuU]?(['"])([^'"\n]*)\1\s*(?:#.*)?$/;

/** The placeholders a Python file assigns, one per line. */
export function pythonPlaceholders(text: string): Array<{ line: number; value: string }> {
  const out: Array<{ line: number; value: string }> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = PY_ASSIGNMENT.exec(line);
    if (m && isPlaceholderValue(m[2]!)) out.push({ line: i + 1, value: m[2]! });
  });
  return out;
}
