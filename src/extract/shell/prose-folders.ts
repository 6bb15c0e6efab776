// Folder changes a README's prose gives the reader: an inline `cd x`, a bare line or a numbered or bulleted item
// that is only `cd x`, "inside/from `x` directory", "inside folder x as follows:", "go to x". Pure.
import { joinRel } from "./readme-commands.js";

const FOLDER = "((?:\\.{1,2}\\/)?[\\w-]+(?:\\/[\\w.-]+)*)";
/** "inside the `x` directory": a backticked name is a folder wherever the sentence goes; after a bare "in" only where
 * the sentence leads into commands ("the parameters are in the `cfg` directory" sends no one there). */
const IN_NAMED = /\b(inside|within|from|in)\s+(?:the\s+)?`([^`\s]+)`\s+(?:directory|folder|dir)\b/i;
/** "from the src directory", "inside folder yolo/V5": unquoted, only where the sentence leads into commands. */
const IN_BARE = new RegExp(
  `\\b(?:inside|within|from|in)\\s+(?:the\\s+)?(?:${FOLDER}\\s+(?:directory|folder|dir)\\b|(?:directory|folder|dir)\\s+\`?${FOLDER}\`?)`,
  "i",
);
/** The sentence hands the reader commands: "run:", "as follows", a trailing colon. */
const LEADS_IN = /\b(?:run|execute|launch|type|as follows)\b|:\s*$/i;
const GO_TO =
  /\b(?:go|navigate|move|switch)\s+(?:in)?to\s+(?:the\s+)?(?:(?:folder|directory|dir)\s+)?`?((?:\.{1,2}\/)?[\w-]+(?:\/[\w.-]+)*)\/?`?/i;
/** A line, or a list item, that is only a `cd`: "2. cd src", "- `cd src/`", a bare `cd src` outside any block
 * (the plain lines after it run there). */
const LISTED_CD = /^\s*(?:(?:\d+[.)]|[-*+])\s+)?`?cd\s+([^\s`;&|]+)`?\s*$/;

export function proseDirectoryChanges(
  text: string,
  inline: ReadonlyArray<{ line: number; text: string }>,
  isDir: (path: string) => boolean,
): Array<{ line: number; target: string }> {
  const moves: Array<{ line: number; target: string }> = [];
  for (const { line, text: span } of inline) {
    const m = /^cd\s+([^\s;&|]+)$/.exec(span);
    if (m) moves.push({ line, target: m[1]! });
  }
  const lines = text.split(/\r?\n/);
  let fenced = false;
  lines.forEach((raw, i) => {
    if (/^\s*(?:`{3,}|~{3,})/.test(raw)) fenced = !fenced;
    if (fenced || raw.length > 2000) return;
    const bare = LEADS_IN.test(raw) ? IN_BARE.exec(raw) : null;
    const named = IN_NAMED.exec(raw);
    const inNamed = named && (named[1]!.toLowerCase() !== "in" || LEADS_IN.test(raw)) ? named[2] : undefined;
    const goTo = GO_TO.exec(raw);
    const listed = LISTED_CD.exec(raw);
    // Every folder the sentence names, the first in it that is a folder of the repo winning: "move to `src` and
    // run `./x.sh`, which writes models in the `data/pl` directory" moves the reader to src.
    const said = [
      { at: named?.index ?? -1, folder: inNamed },
      { at: bare?.index ?? -1, folder: bare?.[1] ?? bare?.[2] },
      { at: goTo?.index ?? -1, folder: goTo?.[1] },
      { at: listed?.index ?? -1, folder: listed?.[1] },
    ]
      .filter((c): c is { at: number; folder: string } => c.folder !== undefined && c.at >= 0)
      .map((c) => ({ at: c.at, target: c.folder.replace(/\/+$/, "") }))
      .filter((c) => c.target !== "" && isDir(joinRel("", c.target)))
      .sort((a, b) => a.at - b.at)[0]?.target;
    if (said && !moves.some((m) => m.line === i + 1)) moves.push({ line: i + 1, target: said });
  });
  return moves.sort((a, b) => a.line - b.line);
}
