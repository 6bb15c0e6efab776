// Whether a README tells the user to make a folder themselves ("Create a directory `data`", "make sure to create
// an empty directory with this name", "put the competition files in `data/`"): a documented, user-made input,
// not a file the repo should ship. Pure.

/** Words that make a folder: create/make/mkdir, with a folder word on the line. */
const MAKE = /\b(?:create|make|mkdir)\b/i;
const FOLDER_WORD = /\b(?:folders?|director(?:y|ies)|dirs?)\b/i;
/** Words that fill a folder from outside: put/place/add/download/copy/move/save/unzip/extract ... into it. */
const FILL = /\b(?:put|place|add|download|copy|move|save|store|unzip|extract)\b.*\b(?:in|into|under|to)\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The 1-based line of the README that has the user make or fill the folder `folder` (its last segment named as
 * a word, `data`, `data/`, `./data`), or null. A file name (with an extension) or a glob is no folder. */
export function readmeMadeFolder(readme: string, folder: string): number | null {
  const name = folder
    .replace(/^\.?\/+/, "")
    .replace(/\/+$/, "")
    .split("/")
    .pop();
  if (!name || /[*?[$]/.test(name) || /\.\w{1,5}$/.test(name)) return null;
  const named = new RegExp(`(?:^|[\\s\`'"(/])(?:\\./)?${escape(name)}/?(?=$|[\\s\`'",.;:)])`);
  const lines = readme.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!named.test(line)) continue;
    if ((MAKE.test(line) && FOLDER_WORD.test(line)) || FILL.test(line)) return i + 1;
  }
  return null;
}
