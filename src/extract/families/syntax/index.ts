// Fact family `syntax`: files that do not parse, one record per file at the first error (shell scripts by bash).
//
// Approach: the lexer and statement checks (src/extract/python/{lexer,structure}.ts) see every file and
// catch what breaks most real solutions: unterminated strings, unbalanced brackets, bad indentation,
// missing colons, Python 2 print/exec/except/octal/backquote syntax. Tree-sitter then parses only the
// entry points the lexer passed (README scripts, __main__ files, notebooks) to catch the rest where it
// matters most, keeping full parses off the thousands of library files. The parse of a __main__ file or
// notebook comes with the prepared index (one parse shared with undefined-names, python/tree-facts.ts);
// README-named scripts without a verdict are parsed here. A .py the lexer finds Python 2 is parsed too: tree-sitter
// takes Python 2's statements, so an error it still finds is one no Python parses (code-syntax-valid's, not a port).
// A .py exported from a notebook that breaks at an IPython magic (`%matplotlib inline`) is reported as that.
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { ENTRY_POINT_READS, entryPoints, trainingFiles } from "../../python/entry-points.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex, sourceOf } from "../../python/repo-index.js";
import { parseError } from "../../python/tree-facts.js";
import { errorSpans, pythonParser, withTree } from "../../python/tree-sitter.js";
import { impliedPythonFloor, versionText } from "./pinned-python.js";
import { parsedUpTo } from "./older-syntax.js";
import { shellSyntaxRecords } from "./shell-syntax.js";
import { notebookErrorAt } from "./notebook-errors.js";
import { magicLineBefore, magicMessage } from "./ipython-magics.js";

/** Python 2 files parsed again to tell Python 2 code from text no Python parses: past that, a vendored tree. */
const MAX_PYTHON2_PARSES = 300;

/** Messages of the lexer and statement checks that name a Python 2 construct. */
const PYTHON2 =
  /Python 2|Missing parentheses in call to '(?:print|exec)'|multiple exception types must be parenthesized|inconsistent use of tabs and spaces/;

export const extractor: Extractor = {
  id: "syntax",
  reads: ["env-spec", ...ENTRY_POINT_READS],
  roles: ["python", "notebook", "shell", "setup", "pyproject"],
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const records: FactRecord[] = [];
    const entries = entryPoints(index, ctx.facts);
    const training = trainingFiles(index, ctx.facts, ctx.view);
    const onTrainPath = (path: string) => training === null || training.has(path);
    const stated = statedPythons(ctx.facts);
    const floor = impliedPythonFloor(ctx.facts.families["env-spec"] ?? []);
    /** An error only newer Pythons raise (`async` as a name since 3.7; Python 2 syntax since 3.0; a generator bare
     * in an f-string's braces since 3.12): parsed by
     * every Python the repo states? With none stated, the one its spec's pins need decides; with neither, the
     * error is unconfirmed and says which Python still parses it. */
    const statedParses = (message: string, parsed: ReturnType<typeof parsedUpTo> = null) => {
      const since = /keyword since Python (\d+)\.(\d+)/.exec(message);
      const limit = since
        ? Number(since[1]) * 100 + Number(since[2])
        : parsed
          ? parsed.version + 1
          : PYTHON2.test(message)
            ? 300
            : null;
      if (limit === null) return {};
      if (stated.length > 0) return { statedParses: stated.every((v) => v < limit) };
      if (!since && !parsed) return {}; // Python 2 syntax is code-python3-compatible's, whatever the pins
      if (parsed) message = `${message} (${parsed.what})`;
      if (floor !== null && floor.version >= limit)
        return {
          statedParses: false,
          message: `${message}; ${floor.by} needs Python ${versionText(floor.version)} or later`,
        };
      const older = versionText(limit - 1);
      const why = floor === null ? "no Python is stated" : `${floor.by} still allows Python ${older}`;
      return { pythonUnstated: true, message: `${message}; ${why}, and it parses only on Python ${older} or older` };
    };
    let parser: Awaited<ReturnType<typeof pythonParser>> | null = null;
    /** What an older Python parses on the error's line (a generator bare in an f-string's braces, up to 3.11). */
    const olderAt = (path: string, line: number) =>
      parsedUpTo(sourceOf(ctx.view, path)?.text.split("\n")[line - 1] ?? "");
    const readmeCommands = (ctx.facts.families["readme"] ?? []).filter((r) => r.kind === "command");
    /** For a notebook, the error to report: the first in a cell that is not a shell listing, else the listing. */
    const notebookError = (
      file: (typeof index.files)[number],
      error: { line: number; message: string },
      spans: Array<[number, number]>,
    ) => notebookErrorAt(sourceOf(ctx.view, file.path), error, spans, readmeCommands, file.path);
    /** A magic line a .py exported from a notebook holds at or before its error, which is the error to report. */
    const magicAt = (file: (typeof index.files)[number], line: number) =>
      file.notebook ? null : magicLineBefore(sourceOf(ctx.view, file.path)?.text ?? "", line);
    let python2Parsed = 0;
    /** Tree-sitter's grammar takes Python 2's statements too (print, exec, `except E, e`, backquotes, octals): a
     * Python 2 .py it still rejects is valid under neither Python, so a syntax error rather than a port to make. */
    const neitherPython = async (file: (typeof index.files)[number]) => {
      if (file.notebook || python2Parsed++ >= MAX_PYTHON2_PARSES) return null;
      const source = sourceOf(ctx.view, file.path);
      return source ? parseError((parser ??= await pythonParser()), source.text) : null;
    };
    for (const file of index.files) {
      if (file.syntaxError) {
        const magic = magicAt(file, file.syntaxError.line);
        if (magic) {
          records.push(recordAt(file, magic.line, magicRecord(magic, onTrainPath(file.path))));
          continue;
        }
        if (PYTHON2.test(file.syntaxError.message)) {
          const both = await neitherPython(file);
          if (both) {
            const lexical = file.syntaxError;
            records.push(
              recordAt(file, both.line, {
                message: `${both.message} under Python 2 as well as 3 (the file is Python 2 code: ${lexical.message} on line ${lexical.line})`,
                checkedBy: "parser",
                python2: false,
                trainPath: onTrainPath(file.path),
              }),
            );
            continue;
          }
        }
        const at = file.notebook ? notebookError(file, file.syntaxError, []) : null;
        records.push(
          recordAt(file, file.syntaxError.line, {
            ...(at?.shell ?? {}),
            message: at?.message ?? file.syntaxError.message,
            checkedBy: "lexer",
            python2: PYTHON2.test(file.syntaxError.message),
            trainPath: onTrainPath(file.path),
            ...statedParses(file.syntaxError.message, olderAt(file.path, file.syntaxError.line)),
          }),
        );
        continue;
      }
      if (!entries.has(file.path)) continue;
      let error = file.tree?.error;
      if (error === undefined) {
        const source = sourceOf(ctx.view, file.path);
        if (!source) continue;
        error = parseError((parser ??= await pythonParser()), source.text);
      }
      if (!error) continue;
      const magic = magicAt(file, error.line);
      if (magic) {
        records.push(recordAt(file, magic.line, magicRecord(magic, onTrainPath(file.path))));
        continue;
      }
      let shell: NonNullable<ReturnType<typeof notebookError>>["shell"];
      if (file.notebook) {
        const spans =
          file.tree?.errorSpans ??
          withTree((parser ??= await pythonParser()), sourceOf(ctx.view, file.path)?.text ?? "", errorSpans) ??
          [];
        const at = notebookError(file, error, spans);
        if (at) error = { ...error, line: at.line, message: at.message };
        shell = at?.shell;
      }
      records.push(
        recordAt(file, error.line, {
          ...(shell ?? {}),
          message: error.message,
          checkedBy: "parser",
          python2: false,
          trainPath: onTrainPath(file.path),
          ...statedParses(error.message, olderAt(file.path, error.line)),
        }),
      );
    }
    records.push(...(await shellSyntaxRecords(ctx.view)));
    return records;
  },
};

/** The record of a magic line: an error under every Python, whatever the repo states. */
const magicRecord = (magic: { line: number; magic: string }, trainPath: boolean) => ({
  message: magicMessage(magic),
  checkedBy: "lexer",
  python2: false,
  trainPath,
});

/** The Python versions the repo states (env-spec), as major x 100 + minor: 3.6 -> 306, 2.7 -> 207. Ranges and bare
 * majors say too little and are left out. */
function statedPythons(facts: Facts): number[] {
  const out: number[] = [];
  for (const r of facts.families["env-spec"] ?? []) {
    if (r.kind !== "python-version" || typeof r.value !== "string") continue;
    const m = /^\s*(?:==|=)?\s*(\d+)\.(\d+)(?:\.\d+)?\s*$/.exec(r.value);
    if (m) out.push(Number(m[1]) * 100 + Number(m[2]));
  }
  return out;
}
