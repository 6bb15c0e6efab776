// One pass per Python source: tokens -> the compact index every Python extractor reads (tokens dropped).
import { applyFolderMoves, chdirMoves } from "./folder-moves.js";
import type { PythonSource } from "../../model/repo-view.js";
import { ArgReader, type PyArg, type PyCall } from "./call-args.js";
import { saverTemplate } from "./saver-template.js";
import { T, logicalLines, opCode, tokenize, type LexError, type LogicalLine, type Tokens } from "./lexer.js";
import { unboundNames, type NameUse } from "./names-lexical.js";
import { structureError } from "./structure.js";
import { LineConstants, functionSpans } from "./line-constants.js";
import { hintKind } from "./hints.js";
import { SETUP_CALLS, TORCHVISION_BUILDER, setupKind } from "./setup-hints.js";
import { noteAboveWrittenCode } from "./todo-marks.js";

export interface PyImport {
  line: number;
  /** Dotted module as written, without leading dots ("" for `from . import x`). */
  module: string;
  /** Leading dots of a relative import (0 = absolute). */
  level: number;
  /** Names imported by `from m import a, b` (for `from . import x`, x may be a module). */
  names: string[];
  /** Inside a `try:` whose `except` catches ImportError (or its handler), or under `if TYPE_CHECKING:`: a probe, not a need. */
  optional?: boolean;
}

export interface PyAssign {
  line: number;
  /** Target as written: "EPOCHS", "CFG.epochs", "self.lr". */
  target: string;
  value: PyArg;
  /** A class attribute or dict-literal entry (`'epochs': 10`) rather than a statement. */
  entry: boolean;
  /** The target is bound again in the same function, class or module (`n = 0` ... `n += 1`): a running value,
   * no setting. */
  rebound?: true;
}

export interface PyKwarg {
  line: number;
  callee: string;
  arg: PyArg;
}

/** What a path-like string is used as, when not as a path of its own: a piece joined to a variable
 * (`out_dir + '/train'`, `os.path.join(d, '/x')`, `x / '/y'`), an argument of a string method (`.replace`,
 * `.startswith`) or a comparison, a regex, a web route, or an existence probe (`Path('/workspace').exists()`).
 * A "head" starts a join (`'/raid/x/' + name`, `'/home/u/%s' % user`): a path of its own when its root is one machine's.
 * A "listing" root is walked only to print what it holds (Kaggle's stock first cell): nothing reads it. */
export type PathRole = "joined" | "head" | "string-op" | "regex" | "route" | "probe" | "listing";

/** A file the code writes (or a folder it creates): the produced-files graph's edges. */
export interface PyWrite {
  line: number;
  path: string;
  call: string;
  /** A folder the call fills with what it writes (`output_dir=`, Catalyst's `logdir=`, Lightning's `dirpath=`). */
  folder?: boolean;
  /** The name the path's unknown root ends in (`settings['MODEL_DIR']` -> MODEL_DIR), for a config's value of it. */
  root?: string;
  /** The variable the call is given as its path (`h5py.File(kp_path, "w")`), for a later read of that variable. */
  via?: string;
}

/** A function of the file whose body hands one of its parameters to a writer as the path (`def
 * save_on_master(*args): torch.save(*args)`): a call of it writes there too. `at`: the parameter's
 * position (self dropped); -1 when the body forwards `*args`, so any positional argument may be the path. */
export interface PySaver {
  name: string;
  at: number;
  /** The parameter is a folder the saver writes files of its own naming into (a checkpoint saver class). */
  into?: boolean;
  /** The parameter's name, for a call that passes it by keyword. */
  param?: string;
  /** The path written, spelled in the parameters (`{folder}config.json`), and the parameters in order: a call
   * writes the template its arguments fill in. */
  template?: string;
  params?: string[];
  /** The extension the helper adds to a parameter's value that lacks one (`name if name.endswith('.yaml') else
   * f'{name}.yaml'`), by parameter. */
  adds?: Record<string, string>;
}

export interface PyPlaceholder {
  line: number;
  kind: "not-implemented" | "todo" | "fixme" | "ellipsis-body";
  text: string;
  /** For TODO/FIXME: the comment says code is missing or broken (not a note for later). */
  unfinished?: boolean;
}

export interface PyFileIndex {
  path: string;
  lineMap?: PythonSource["lineMap"];
  /** A notebook's shell commands (`!pip install x`), from its flattening. */
  shell?: PythonSource["shell"];
  notebook: boolean;
  bytes: number;
  /** First syntax error the lexer or statement checks found; null when none was seen. */
  syntaxError: LexError | null;
  imports: PyImport[];
  /** String literals that look like paths ("/x", "~/x", "C:\\x", "./x", "../x"), with their lines and the
   * role the code gives them when it is not a path of its own (see PathRole). */
  pathStrings: Array<{ line: number; value: string; role?: PathRole }>;
  /** Strings given to a shell (os.system, subprocess.run ...), whose words may hold paths. */
  shellStrings: Array<{ line: number; value: string }>;
  /** Other strings, not docstrings, that hold a path-like word after a space or `=` ('cp /mnt/x .',
   * f'srun /home/u/bin/python {}'): commands built in code, whose machine paths sit mid-string. */
  wordStrings: Array<{ line: number; value: string }>;
  /** Calls whose callee's last name is one the extractors care about (readers, loaders, argparse...). */
  calls: PyCall[];
  /** Paths the code writes or creates (to_csv, np.save, torch.save, open(..., "w"), makedirs ...); "*" for a
   * checkpoint saved at a path the code does not spell. */
  writes: PyWrite[];
  /** Local functions that save their argument (classes too: a method saving the path the constructor kept), and
   * the calls whose name may be one (`save_on_master(...)`, `SaveBest("w/best.pth")`). */
  savers: PySaver[];
  saveCalls: PyCall[];
  /** Top-level assignments of a path-like string (`DATA_DIR = "data/raw"`): values other files' paths may name. */
  constants: Array<{ name: string; value: string; line: number }>;
  /** Path-like string attributes of a top-level class (`class CFG: data_dir = "inputs/"`) or set on an object at
   * module level (`cfg.data_dir = "inputs/"`), where there are any: the values a config's attribute holds. */
  classConstants?: Array<{ name: string; value: string; line: number }>;
  /** Last names of the attributes the file assigns (`config.DATA_DIR = args.data` -> DATA_DIR): module
   * defaults a caller overwrites. */
  attributeTargets: string[];
  /** Line spans that run only on Kaggle: an `if` whose test names Kaggle (`if KAGGLE:`,
   * `if os.path.exists('/kaggle')`) with its elif/else blocks, and a line whose conditional expression does. */
  kaggleBranches: Array<[number, number]>;
  /** Keyword arguments of any call whose name is a training hint (epochs=, n_splits=, batch_size=...). */
  kwargs: PyKwarg[];
  assigns: PyAssign[];
  placeholders: PyPlaceholder[];
  hasMain: boolean;
  starImport: boolean;
  /** Names loaded and bound nowhere in the file (see names-lexical.ts); "dynamic" when exec/globals() are used. */
  unbound: NameUse[] | "dynamic";
  /** Tree-sitter's verdicts from one parse (tree-facts.ts), where the index was prepared with them. */
  tree?: PyTreeFacts;
}

export interface PyTreeFacts {
  /** First ERROR or MISSING node of the parse; null for a clean parse. */
  error: LexError | null;
  /** Lines (first, last) of every error the parse recovered from, for a notebook with an error: its broken cells;
   * for a .py, of each top-level statement holding one. */
  errorSpans?: Array<[number, number]>;
  /** The `unbound` candidates the parse confirmed, at their first load. */
  unbound: NameUse[];
}

const INTERESTING_CALLS = new Set(
  (
    "read_csv read_table read_parquet read_feather read_pickle read_json read_excel read_hdf read_fwf open imread " +
    "imread_collection load loadtxt genfromtxt fromfile memmap listdir glob iglob rglob scandir walk read_image load_img " +
    "image_dataset_from_directory flow_from_directory ImageFolder dcmread read_file File load_weights load_model " +
    "from_pretrained load_from_checkpoint load_checkpoint Booster create_model add_argument option " +
    "KFold StratifiedKFold GroupKFold StratifiedGroupKFold MultilabelStratifiedKFold " +
    "dataset_download competition_download model_download load_word2vec_format copy copyfile copy2 loadmat"
  ).split(" "),
);

/** Writers by callee's last name -> which argument holds the path: a positional index, or the keyword names
 * tried first. "open" and "File" write only with a w/a/x mode. */
const WRITE_CALLS = new Map<string, { at: number; names: string[] }>();
for (const [names, at, keywords] of [
  [
    "to_csv to_pickle to_parquet to_feather to_json to_hdf to_excel to_netcdf to_file savefig imwrite imsave write_text write_bytes save_pretrained save_weights save_model savez savez_compressed savetxt savemat mkdir makedirs extractall write_parquet",
    0,
    "path_or_buf path fname filepath file fp filename",
  ],
  ["save", 0, "path f fp fname filepath"],
  [
    "dump save_image copy copyfile copy2 copytree move rename urlretrieve WriteImage symlink",
    1,
    "filename file fp f dst dest path",
  ],
  ["ModelCheckpoint save_checkpoint", 0, "filepath"],
  ["DiskSaver", 0, "dirname"],
  ["unpack_archive", 1, "extract_dir"],
  // logging's file: `basicConfig(filename="logs/train.log")`, `FileHandler("logs/x.log")`.
  ["basicConfig FileHandler", 0, "filename"],
  ["open File", 0, "file name"],
] as const) {
  for (const name of names.split(" ")) WRITE_CALLS.set(name, { at, names: keywords.split(" ") });
}

/** Keyword arguments that name the folder a call writes into: Hugging Face's `output_dir`, Catalyst's
 * `logdir` (logdir/checkpoints/best.pth), Lightning's `dirpath` and `default_root_dir`, argus's `dir_path`, `export_dir`, `save_dir`. */
const OUTPUT_KWARGS = new Set(
  "output_dir out_dir outdir logdir dirpath dir_path default_root_dir export_dir save_dir checkpoint_dir ckpt_dir".split(
    " ",
  ),
);
/** Names a thin wrapper around a writer goes by (a `CSVLogger` that appends rows to the file it is given):
 * only calls of such names are kept to be matched with the repo's savers. */
/** A bare file name with a checkpoint's extension. */
const WEIGHT_FILE = /^[\w*.-]+\.(?:pth|pt|ckpt|bin|h5|hdf5|safetensors|onnx)$/i;
const SAVER_NAME = /save|dump|export|write|persist|checkpoint|ckpt|logger/i;

const JOIN_CALLS = new Set(["join", "Path", "PurePath", "PosixPath", "WindowsPath"]);
const STRING_METHODS = new Set(
  "replace split rsplit startswith endswith strip lstrip rstrip find rfind index rindex count partition rpartition removeprefix removesuffix".split(
    " ",
  ),
);
const REGEX_CALLS = new Set("compile match search sub subn findall finditer fullmatch".split(" "));
const ROUTE_CALLS = new Set(
  "route get post put delete patch api_route websocket add_url_rule add_api_route".split(" "),
);
const SHELL_CALLS = new Set(
  "system popen Popen run call check_call check_output getoutput getstatusoutput spawn".split(" "),
);
const SHELL_MODULES = /^(?:os|subprocess|sp|commands|sh)\./;

/** An `if` test that asks whether the run resumes: a resume flag or path, or a start step past zero. */
const RESUMING =
  /\bresum\w*|\b(?:continue_train\w*|restore\w*)\b|\b(?:start|init(?:ial)?|begin)_?(?:iter|iteration|epoch|step)s?\b\s*(?:>|!=)\s*0\b/i;

/** Calls that test whether a path exists: what runs under them reads a file only when it is there. */
const PROBES = new Set(["exists", "isfile", "isdir", "is_file", "is_dir", "lexists", "access", "ismount"]);

/** A name the training or training-setup families read (hints.ts, setup-hints.ts). */
const hinted = (name: string): boolean => hintKind(name) !== null || setupKind(name) !== null;
const interestingCall = (name: string): boolean =>
  INTERESTING_CALLS.has(name) || SETUP_CALLS.has(name) || TORCHVISION_BUILDER.test(name);

const PATHLIKE = /^(?:\/[^\s/]|~\/|[A-Za-z]:[\\/]|\.\.?\/)/;
/** A path-like word inside a longer string: after a space, quote, `=` or bracket. */
const INNER_PATH = /[\s"'=(,;[{](?:\/[\w.~-]|~\/|[A-Za-z]:[\\/])/;
const COMMENT_MARK = /\b(TODO|FIXME)\b/;
/** A TODO that says the code is not written yet, as against a note for later ("TODO: ugly", "TODO: faster"). */
const UNFINISHED =
  /\b(?:implement\w*|unfinished|incomplete|missing|not (?:yet )?(?:done|working|finished|supported)|stub|placeholder|fill (?:this|in)|write (?:this|me)|finish (?:this|me)|broken|does ?n[o']t work|fix (?:this|me))\b/i;

export function indexPythonFile(source: PythonSource): PyFileIndex {
  const index = indexPythonText(source.path, source.text, source.lineMap !== undefined);
  if (source.lineMap) index.lineMap = source.lineMap;
  if (source.shell?.length) index.shell = source.shell;
  return index;
}

/** The index of one text without the notebook line map (worker threads send only path, text and kind). */
export function indexPythonText(path: string, text: string, notebook: boolean, python2 = false): PyFileIndex {
  const t = tokenize(text, { notebook, python2 });
  const lines = logicalLines(t);
  const syntaxError = t.error ?? structureError(text, t, lines, notebook);
  const index: PyFileIndex = {
    path,
    notebook,
    bytes: text.length,
    syntaxError,
    imports: [],
    pathStrings: [],
    shellStrings: [],
    wordStrings: [],
    calls: [],
    writes: [],
    savers: [],
    saveCalls: [],
    constants: [],
    attributeTargets: [],
    kaggleBranches: [],
    kwargs: [],
    assigns: [],
    placeholders: [],
    hasMain: false,
    starImport: false,
    unbound: [],
  };
  const indexer = new FileIndexer(text, t, index);
  indexer.readStatements(lines);
  indexer.readCallsAndStrings();
  indexer.markProbedCalls(lines);
  indexer.markListingWalks(lines);
  indexer.markStringOperands(lines);
  indexer.markResumingCalls(lines);
  indexer.markOptionalImports(lines);
  indexer.markKaggleBranches(lines);
  indexer.readCommentMarks();
  applyFolderMoves(index, chdirMoves(text, index.constants));
  index.placeholders.sort((a, b) => a.line - b.line);
  // A statement-level error (a print statement, `async` as a name) leaves whole tokens: names still read.
  index.unbound = t.error || index.starImport ? [] : unboundNames(text, t, lines);
  return index;
}

/** The steps that fill one file's index from its tokens, sharing the tokens and the constants seen. */
class FileIndexer {
  /** Module-level string constants, for the path arguments that name them. */
  private readonly constants = new LineConstants();
  /** The line spans of the file's functions, innermost last among those that hold a line. */
  private spans: Array<[number, number]> = [];
  /** The functions of the file, with their parameters and lines, for the writes their bodies make. */
  private readonly defs: Array<{ name: string; params: string[]; from: number; to: number }> = [];
  /** The classes of the file with their line spans, and the attributes methods set from a bare name
   * (`self.path = path`): a callback that saves to `self.path` saves its constructor's argument. */
  private readonly classes: Array<{ name: string; from: number; to: number }> = [];
  private readonly selfAssigns: Array<{ line: number; attr: string; name: string }> = [];
  /** Bare names bound inside functions, with the source of their value (`dump_path = os.path.join(d, name)`):
   * a writer given the name writes the path the value spells. */
  private readonly localValues: Array<{ line: number; name: string; text: string }> = [];
  private readonly reader: ArgReader;

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
    private readonly index: PyFileIndex,
  ) {
    this.reader = new ArgReader(text, t, this.constants);
  }

  private str(k: number): string {
    return this.text.slice(this.t.start[k]!, this.t.end[k]!);
  }
  private isOp(k: number, s: string): boolean {
    return this.t.op[k] === opCode(s);
  }

  /** Statements: imports, assignments (constants feed later path resolution), placeholders, __main__. */
  readStatements(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    let decorators: string[] = [];
    const defs: Array<{ depth: number; decorators: string[]; stmts: number }> = [];
    /** The compound statements the line is inside, innermost last, with the statement each sits in. */
    const blocks: Array<{ depth: number; head: string; parent: string }> = [];
    // How often each target is bound in each scope (a def, a class, the module), and the hint assignments in it.
    const module = {};
    const bound = new Map<object, Map<string, number>>();
    const hintsIn: Array<{ scope: object; assign: PyAssign }> = [];
    this.spans = functionSpans(
      lines,
      (k) => t.line[k]!,
      (k) => this.str(k) === "def" || (this.str(k) === "async" && this.str(k + 1) === "def"),
    );
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      this.constants.at = t.line[from]!;
      while (defs.length && defs[defs.length - 1]!.depth >= depth) defs.pop();
      while (blocks.length && blocks[blocks.length - 1]!.depth >= depth) blocks.pop();
      const block = blocks[blocks.length - 1];
      const scope = blocks.findLast((b) => b.head === "def" || b.head === "class") ?? module;
      const target = this.boundTarget(from, to);
      if (target !== null) {
        const counts = bound.get(scope) ?? bound.set(scope, new Map()).get(scope)!;
        counts.set(target.name, (counts.get(target.name) ?? 0) + (target.augmented ? 2 : 1));
      }
      const hints = index.assigns.length;
      const inDef = defs[defs.length - 1];
      const bodyStmt = inDef && inDef.depth + 1 === depth ? inDef.stmts++ : -1;
      const head = t.kind[from] === T.NAME ? this.str(from) : "";
      if (t.op[to - 1] === 58)
        blocks.push({ depth, head: head === "async" ? this.str(from + 1) : head, parent: block?.head ?? "" });
      if (this.isOp(from, "@")) {
        decorators.push(this.str(from + 1 + (this.isOp(from + 2, ".") ? 2 : 0)));
        continue;
      }
      // A method of a class that only raises or holds `...` is abstract by convention (subclasses override
      // it); a raise in a branch is the guard of a dispatch (`else: raise NotImplementedError(mode)`).
      const inMethod = block?.head === "def" && block.parent === "class";
      const inBranch = block !== undefined && block.head !== "def" && block.head !== "class";
      if (head === "import" || head === "from") this.readImport(from, to);
      else if (head === "class" && t.kind[from + 1] === T.NAME) this.readClass(lines, i);
      else if (head === "def" || (head === "async" && this.str(from + 1) === "def")) {
        defs.push({ depth, decorators, stmts: 0 });
        this.readDef(lines, i, head === "def" ? from : from + 1);
        const colon = this.lastColon(from, to);
        if (
          colon > 0 &&
          colon === to - 2 &&
          this.isOp(to - 1, "...") &&
          !skipsPlaceholders(decorators) &&
          block?.head !== "class"
        )
          index.placeholders.push({ line: t.line[from]!, kind: "ellipsis-body", text: this.lineText(from) });
      } else if (head === "raise" && this.str(from + 1) === "NotImplementedError") {
        if ((!inDef || !skipsPlaceholders(inDef.decorators)) && !inMethod && !inBranch)
          index.placeholders.push({ line: t.line[from]!, kind: "not-implemented", text: this.lineText(from) });
      } else if (
        to === from + 1 &&
        this.isOp(from, "...") &&
        inDef &&
        !inMethod &&
        bodyStmt <= 1 &&
        (lines[i + 1]?.depth ?? 0) < depth &&
        !skipsPlaceholders(inDef.decorators)
      ) {
        const first = lines[i - 1]!;
        if (bodyStmt === 0 || (first.to === first.from + 1 && t.kind[first.from] === T.STRING))
          index.placeholders.push({ line: t.line[from]!, kind: "ellipsis-body", text: "..." });
      } else if (
        head === "if" &&
        this.str(from + 1) === "__name__" &&
        to - from >= 4 &&
        t.value.get(from + 3) === "__main__"
      )
        index.hasMain = true;
      else if (head === "for") this.readLoopOverNames(from, to, depth);
      else this.readAssignment(from, to, depth, block?.head === "class" && depth === 1);
      for (const assign of index.assigns.slice(hints))
        if (assign.target === target?.name) hintsIn.push({ scope, assign });
      decorators = [];
    }
    this.constants.at = null;
    for (const { scope, assign } of hintsIn) if ((bound.get(scope)?.get(assign.target) ?? 0) > 1) assign.rebound = true;
  }

  /** The target a statement binds (`n = 0`, `cfg.x = 1`, `n += 1`: augmented), or null. */
  private boundTarget(from: number, to: number): { name: string; augmented: boolean } | null {
    const t = this.t;
    if (t.kind[from] !== T.NAME) return null;
    let k = from;
    while (this.isOp(k + 1, ".") && t.kind[k + 2] === T.NAME) k += 2;
    if (k + 1 >= to || t.kind[k + 1] !== T.OP) return null;
    const op = this.str(k + 1);
    const augmented = /^(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)=$/.test(op);
    if (op !== "=" && !augmented) return null;
    return { name: this.text.slice(t.start[from]!, t.end[k]!), augmented };
  }

  /** A function's name, parameters (self and cls dropped; `*args` kept with its star) and line span. */
  private readDef(lines: readonly LogicalLine[], i: number, def: number): void {
    const { t } = this;
    const { depth } = lines[i]!;
    const name = this.str(def + 1);
    if (!this.isOp(def + 2, "(")) return;
    const params = this.reader
      .split(def + 2)
      .map(([x]) => (this.isOp(x, "*") || this.isOp(x, "**") ? `${this.str(x)}${this.str(x + 1)}` : this.str(x)));
    if (params[0] === "self" || params[0] === "cls") params.shift();
    let j = i + 1;
    while (j < lines.length && lines[j]!.depth > depth) j++;
    this.defs.push({ name, params, from: t.line[lines[i]!.from]!, to: t.line[lines[j - 1]!.to - 1]! });
  }

  /** A class's name and line span. */
  private readClass(lines: readonly LogicalLine[], i: number): void {
    const { from, depth } = lines[i]!;
    let j = i + 1;
    while (j < lines.length && lines[j]!.depth > depth) j++;
    this.classes.push({ name: this.str(from + 1), from: this.t.line[from]!, to: this.t.line[lines[j - 1]!.to - 1]! });
  }

  /** Calls, keyword arguments, dict entries and path-like strings, in one scan with a bracket stack that
   * holds the token of the callee's last name, -1 for a non-call bracket, -2 for `{`. */
  readCallsAndStrings(): void {
    const { t, index, reader } = this;
    const callees: number[] = [];
    /** Commas seen at each open bracket's own level: the argument index of what follows. */
    const commas: number[] = [];
    for (let k = 0; k < t.count; k++) {
      // A name read here holds the value bound last above this line.
      this.constants.at = t.line[k]!;
      const kind = t.kind[k];
      if (kind === T.STRING) {
        const v = t.value.get(k)!;
        const callee = callees[callees.length - 1] ?? -1;
        if (v.length < 400 && PATHLIKE.test(v)) {
          const role = this.pathRole(k, callee, commas[commas.length - 1] ?? 0);
          index.pathStrings.push(role ? { line: t.line[k]!, value: v, role } : { line: t.line[k]!, value: v });
        }
        if (
          callee >= 0 &&
          SHELL_CALLS.has(this.str(callee)) &&
          v.length < 2000 &&
          SHELL_MODULES.test(this.calleeBefore(callee))
        )
          index.shellStrings.push({ line: t.line[k]!, value: v });
        else if (v.length < 2000 && INNER_PATH.test(v) && !this.isDocstring(k))
          index.wordStrings.push({ line: t.line[k]!, value: v });
        if (this.isOp(k + 1, ":") && callees[callees.length - 1] === -2 && hinted(v)) {
          const end = this.argEnd(k + 2);
          index.assigns.push({ line: t.line[k]!, target: v, value: reader.value(null, k + 2, end), entry: true });
        }
        continue;
      }
      if (kind !== T.OP) continue;
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) {
        const isCall = op === 40 && t.kind[k - 1] === T.NAME;
        callees.push(op === 123 ? -2 : isCall ? k - 1 : -1);
        commas.push(0);
        if (isCall) {
          const last = this.str(k - 1);
          const interesting = interestingCall(last);
          const writer = WRITE_CALLS.get(last);
          const wrapper = !interesting && SAVER_NAME.test(last);
          if (interesting || writer || wrapper) {
            const callee = this.calleeBefore(k - 1);
            const args = reader.args(k);
            if (interesting) {
              const receiver = this.pathReceiver(k - 1, callee, reader);
              index.calls.push({
                line: t.line[k]!,
                callee,
                args,
                decorator: this.isOp(k - 2 - 2 * dots(callee), "@"),
                ...(receiver ? { receiver } : {}),
              });
            }
            if (wrapper) index.saveCalls.push({ line: t.line[k]!, callee, args, decorator: false });
            if (writer) this.readWrite(t.line[k]!, callee, last, args, writer);
          }
        }
      } else if (op === 41 || op === 93 || op === 125) (callees.pop(), commas.pop());
      else if (op === 44 && commas.length > 0) commas[commas.length - 1]!++;
      else if (op === 61 && t.kind[k - 1] === T.NAME && (this.isOp(k - 2, "(") || this.isOp(k - 2, ","))) {
        const name = this.str(k - 1);
        const callee = callees[callees.length - 1] ?? -1;
        if (callee >= 0 && (OUTPUT_KWARGS.has(name) || (name === "serial" && /Trainer$/.test(this.str(callee)))))
          this.readOutputKwarg(
            t.line[k]!,
            this.calleeBefore(callee),
            name,
            reader.value(name, k + 1, this.argEnd(k + 1)),
          );
        if (callee >= 0 && (name === "save_last" || name === "filename") && this.str(callee) === "ModelCheckpoint")
          this.readLightningName(t.line[k]!, name, reader.value(name, k + 1, this.argEnd(k + 1)));
        if (callee >= 0 && hinted(name))
          index.kwargs.push({
            line: t.line[k]!,
            callee: this.calleeBefore(callee),
            arg: reader.value(name, k + 1, this.argEnd(k + 1)),
          });
      }
    }
    this.constants.at = null;
  }

  /** A string that is a statement of its own: a docstring or a bare note, prose rather than a value. */
  private isDocstring(k: number): boolean {
    const before = this.t.kind[k - 1];
    return (
      (k === 0 || before === T.NEWLINE || before === T.INDENT || before === T.DEDENT) &&
      (this.t.kind[k + 1] === T.NEWLINE || k + 1 >= this.t.count)
    );
  }

  /** The role of the path-like string at token k, inside the call whose callee is token `callee` (-1 none),
   * as argument `arg`; undefined when it stands as a path of its own. */
  private pathRole(k: number, callee: number, arg: number): PathRole | undefined {
    const t = this.t;
    const prev = t.op[k - 1];
    const next = t.op[k + 1];
    // `a + '/x'`, `'/x' + a`, `'%s/x' % a`, `x / '/y'`, `a == '/x'`, `'/x' in a`.
    if ((next === 43 || next === 37) && prev !== 43 && prev !== 47 && prev !== 37) return "head";
    if (prev === 43 || next === 43 || next === 37 || (prev === 47 && t.kind[k - 2] !== T.OP)) return "joined";
    if (prev === opCode("==") || next === opCode("==") || prev === opCode("!=") || next === opCode("!="))
      return "string-op";
    if (
      (t.kind[k + 1] === T.NAME &&
        (this.str(k + 1) === "in" || (this.str(k + 1) === "not" && this.str(k + 2) === "in"))) ||
      (t.kind[k - 1] === T.NAME && this.str(k - 1) === "in" && callee < 0)
    )
      return "string-op";
    if (callee < 0) return undefined;
    const name = this.str(callee);
    const qualified = this.calleeBefore(callee);
    if (JOIN_CALLS.has(name) && arg > 0) return "joined";
    if (STRING_METHODS.has(name) && this.isOp(callee - 1, ".")) return "string-op";
    if (REGEX_CALLS.has(name) && /^(?:re|regex)\./.test(qualified)) return "regex";
    if (ROUTE_CALLS.has(name) && (this.isOp(callee - 1 - 2 * dots(qualified), "@") || name.startsWith("add_")))
      return "route";
    if (PROBES.has(name)) return "probe";
    // Path('/workspace').exists(): the path is built only to be tested.
    if (JOIN_CALLS.has(name)) {
      const close = this.reader.closing(callee + 1);
      if (this.isOp(close + 1, ".") && PROBES.has(this.str(close + 2))) return "probe";
    }
    return undefined;
  }

  /** Imports a failure of which the code expects: in a `try:` block whose handlers catch ImportError
   * (ModuleNotFoundError, Exception, a bare except), in those handlers, or under `if TYPE_CHECKING:`. */
  markOptionalImports(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    if (index.imports.length === 0) return;
    const ranges: Array<[number, number]> = [];
    const blockEnd = (i: number) => {
      let j = i + 1;
      while (j < lines.length && lines[j]!.depth > lines[i]!.depth) j++;
      return j; // first line after the block
    };
    const lineOf = (i: number) => t.line[lines[i]!.from]!;
    const lastLineOf = (j: number) => t.line[lines[j - 1]!.to - 1]!;
    for (let i = 0; i < lines.length; i++) {
      const { from, depth } = lines[i]!;
      const head = t.kind[from] === T.NAME ? this.str(from) : "";
      if (head === "if" && this.str(from + 1) === "TYPE_CHECKING") {
        const end = blockEnd(i);
        if (end > i + 1) ranges.push([lineOf(i + 1), lastLineOf(end)]);
        continue;
      }
      if (head !== "try") continue;
      const bodyEnd = blockEnd(i);
      let j = bodyEnd;
      let catches = false;
      let handlersEnd = j;
      while (j < lines.length && lines[j]!.depth === depth && this.str(lines[j]!.from) === "except") {
        const clause = this.text.slice(t.start[lines[j]!.from]!, t.end[lines[j]!.to - 1]!);
        if (/^except\s*(?::|\(?[\w.,\s]*\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b)/.test(clause))
          catches = true;
        j = blockEnd(j);
        handlersEnd = j;
      }
      if (catches && bodyEnd > i + 1) ranges.push([lineOf(i + 1), lastLineOf(handlersEnd)]);
    }
    if (ranges.length === 0) return;
    for (const imp of index.imports) if (ranges.some(([a, b]) => imp.line >= a && imp.line <= b)) imp.optional = true;
  }

  /** Spans of code that runs only on Kaggle (see PyFileIndex.kaggleBranches). */
  markKaggleBranches(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    const namesKaggle = (from: number, to: number) => {
      for (let k = from; k < to; k++)
        if (
          (t.kind[k] === T.NAME || t.kind[k] === T.STRING) &&
          /kaggle/i.test(t.kind[k] === T.STRING ? (t.value.get(k) ?? "") : this.str(k))
        )
          return true;
      return false;
    };
    const blockEnd = (i: number) => blockEndOf(lines, i);
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      const head = t.kind[from] === T.NAME ? this.str(from) : "";
      if (head === "if" && namesKaggle(from + 1, to)) {
        let j = blockEnd(i);
        while (j < lines.length && lines[j]!.depth === depth && ["elif", "else"].includes(this.str(lines[j]!.from)))
          j = blockEnd(j);
        index.kaggleBranches.push([t.line[from]!, t.line[lines[j - 1]!.to - 1]!]);
        continue;
      }
      // `ROOT = '/kaggle/input/x' if KAGGLE else 'data'`: the test follows the `if`.
      for (let k = from + 1; k < to; k++) {
        if (t.kind[k] === T.NAME && this.str(k) === "if" && namesKaggle(k + 1, to)) {
          index.kaggleBranches.push([t.line[from]!, t.line[to - 1]!]);
          break;
        }
      }
    }
  }

  /** The folder of a `for ... in os.walk('/x'):` loop whose body only loops and prints (Kaggle's stock
   * first cell): the loop lists files, so its root is no path the code reads. */
  markListingWalks(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      if (this.str(from) !== "for" || t.op[to - 1] !== 58) continue;
      let walks = false;
      for (let k = from + 1; k < to && !walks; k++)
        walks = t.kind[k] === T.NAME && this.str(k) === "walk" && this.isOp(k + 1, "(");
      if (!walks) continue;
      let j = i + 1;
      let prints = false;
      for (; j < lines.length && lines[j]!.depth > depth; j++) {
        const head = this.str(lines[j]!.from);
        if (head === "print") prints = true;
        else if (head !== "for") break;
      }
      if (!prints || (j < lines.length && lines[j]!.depth > depth)) continue;
      const line = t.line[from]!;
      for (const s of index.pathStrings) if (s.line === line && s.role === undefined) s.role = "listing";
    }
  }

  /** Strings a name holds only to hand to a string method (`keys = ['/attn/', f'/attn_{i}/']` then
   * `k.replace(*keys)`): pieces of a key being renamed, like a literal written in the call itself. */
  markStringOperands(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    if (!index.pathStrings.some((s) => s.role === undefined)) return;
    // Each name's loads: inside a string method's call (as an argument, starred or indexed) or elsewhere.
    const uses = new Map<string, { operand: number; other: number }>();
    const stack: boolean[] = [];
    for (let k = 0; k < t.count; k++) {
      const op = t.op[k];
      if (op === 40 || op === 91 || op === 123) {
        const method =
          op === 40 && t.kind[k - 1] === T.NAME && STRING_METHODS.has(this.str(k - 1)) && this.isOp(k - 2, ".");
        stack.push(method);
        continue;
      }
      if (op === 41 || op === 93 || op === 125) {
        stack.pop();
        continue;
      }
      if (t.kind[k] !== T.NAME || this.isOp(k - 1, ".")) continue;
      const use = uses.get(this.str(k)) ?? { operand: 0, other: 0 };
      if (stack[stack.length - 1] === true) use.operand++;
      else use.other++;
      uses.set(this.str(k), use);
    }
    for (const { from, to } of lines) {
      // `NAME = [...]` or `NAME = (...)` or `NAME = '...'`: the target's own token is the one load too many.
      if (t.kind[from] !== T.NAME || !this.isOp(from + 1, "=")) continue;
      const use = uses.get(this.str(from));
      if (!use || use.operand === 0 || use.other > 1) continue;
      const first = t.line[from]!;
      const last = t.line[to - 1]!;
      for (const s of index.pathStrings)
        if (s.line >= first && s.line <= last && s.role === undefined) s.role = "string-op";
    }
  }

  /** Calls in the block of an `if` that tests for a resumed run (`if args.resume:`, `if start_iter > 0:`,
   * `if cfg.resume_from is not None:`): they load the earlier run's checkpoint, which a fresh rerun lacks. */
  markResumingCalls(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    if (index.calls.length === 0) return;
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      if (this.str(from) !== "if" || t.op[to - 1] !== 58) continue;
      const test = this.text.slice(t.start[from + 1]!, t.end[to - 2]!);
      // `if not args.resume:` runs on every fresh run: only a test that asks for the resumed one counts.
      if (!RESUMING.test(test) || /\bnot\b|==\s*0\b/.test(test)) continue;
      let j = i + 1;
      while (j < lines.length && lines[j]!.depth > depth) j++;
      if (j > i + 1) ranges.push([t.line[from]!, t.line[lines[j - 1]!.to - 1]!]);
    }
    for (const call of index.calls) if (ranges.some(([a, b]) => call.line >= a && call.line <= b)) call.resuming = true;
  }

  /** Calls on a line that tests a path's existence, or in the block such a line opens. */
  markProbedCalls(lines: readonly LogicalLine[]): void {
    const { t, index } = this;
    if (index.calls.length === 0) return;
    const ranges: Array<[number, number]> = [];
    // `use_cache = os.path.exists(p)`, then `if use_cache:`: the flag tests the path as the call did.
    const flags = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      let probe = false;
      for (let k = from; k < to && !probe; k++)
        probe = t.kind[k] === T.NAME && PROBES.has(this.str(k)) && this.isOp(k + 1, "(");
      if (probe && t.kind[from] === T.NAME && this.isOp(from + 1, "=")) flags.add(this.str(from)!);
      if (!probe && flags.size > 0 && this.str(from) === "if" && t.op[to - 1] === 58) {
        const test = this.text.slice(t.start[from + 1]!, t.end[to - 2]!);
        probe =
          !/\bnot\b/.test(test) && [...flags].some((f) => new RegExp(`(?:^|[^\\w.])${f}(?:$|[^\\w(])`).test(test));
      }
      if (!probe) continue;
      let j = i + 1;
      if (t.op[to - 1] === 58) while (j < lines.length && lines[j]!.depth > depth) j++;
      const last = lines[j - 1]!;
      ranges.push([t.line[from]!, t.line[last.to - 1]!]);
    }
    ranges.push(...this.triedRanges(lines));
    if (ranges.length === 0) return;
    for (const call of index.calls) if (ranges.some(([a, b]) => call.line >= a && call.line <= b)) call.probed = true;
  }

  /** The bodies of `try:` blocks with a handler for a missing file (`except FileNotFoundError:`, OSError,
   * Exception, a bare except) that falls back instead of raising: their reads are optional. */
  private triedRanges(lines: readonly LogicalLine[]): Array<[number, number]> {
    const { t } = this;
    const ranges: Array<[number, number]> = [];
    const blockEnd = (i: number) => blockEndOf(lines, i);
    for (let i = 0; i < lines.length; i++) {
      const { from, to, depth } = lines[i]!;
      if (this.str(from) !== "try" || t.op[to - 1] !== 58) continue;
      const bodyEnd = blockEnd(i);
      // A short body tries a file; a long one wraps the script, whose every read is no fallback's.
      if (bodyEnd === i + 1 || bodyEnd - i > 8) continue;
      for (let h = bodyEnd; h < lines.length && lines[h]!.depth === depth && this.str(lines[h]!.from) === "except";) {
        const caught = this.text.slice(t.start[lines[h]!.from]!, t.end[lines[h]!.to - 1]!);
        const end = blockEnd(h);
        const reraises = end === h + 2 && this.str(lines[h + 1]!.from) === "raise";
        if (
          !reraises &&
          /^except\s*(?::|.*\b(?:FileNotFoundError|IOError|OSError|EnvironmentError|Exception)\b)/.test(caught)
        ) {
          ranges.push([t.line[from]!, t.line[lines[bodyEnd - 1]!.to - 1]!]);
          break;
        }
        h = end;
      }
    }
    return ranges;
  }

  /** A keyword that names where a call writes: a folder it fills, or a trainer's name (`serial=f'fold{k}'`),
   * under which it saves its weights in a folder the run picks. */
  /** Lightning's `ModelCheckpoint(save_last=True)` writes `last.ckpt`, and `filename='best-{epoch}'` names its
   * checkpoints `best-*.ckpt`, in a `dirpath` often known only at run time. */
  private readLightningName(line: number, name: string, arg: PyArg): void {
    if (name === "save_last") {
      if (arg.kind === "name" && arg.value === "True")
        this.index.writes.push({ line, path: "*/last.ckpt", call: "ModelCheckpoint" });
      return;
    }
    if (arg.kind !== "string") return;
    for (const base of lightningNames(arg.value))
      this.index.writes.push({ line, path: `*/${base}.ckpt`, call: "ModelCheckpoint" });
  }

  private readOutputKwarg(line: number, callee: string, name: string, arg: PyArg): void {
    const path = arg.path;
    if (path === null || /^[*/.]*$/.test(path)) return;
    if (name === "serial") this.index.writes.push({ line, path: `*/${path}.*`, call: callee });
    else this.index.writes.push({ line, path, call: callee, folder: true });
  }

  /** The path a writer call writes, when it spells one. */
  private readWrite(
    line: number,
    callee: string,
    last: string,
    args: PyArg[],
    writer: { at: number; names: string[] },
  ): void {
    const positional = args.filter((a) => a.name === null);
    // A ModelCheckpoint given no name saves under Lightning's default, `{epoch}-{step}`.
    if (
      last === "ModelCheckpoint" &&
      positional.length === 0 &&
      !args.some((a) => /^file(?:name|path)$/.test(a.name ?? ""))
    )
      this.index.writes.push({ line, path: "*/epoch=*-step=*.ckpt", call: "ModelCheckpoint" });
    if (last === "open" || last === "File") {
      const mode = args.find((a) => a.name === "mode") ?? positional[1];
      if (
        !mode ||
        mode.kind !== "string" ||
        !/[wax]/.test(mode.value) ||
        /^[rwxabt+]+$/.test(positional[0]?.value ?? "")
      )
        return;
    }
    // torch.save(obj, f), np.save(file, arr), pd.to_pickle(obj, path): the argument that spells a path.
    const spells = (a: PyArg | undefined) => a !== undefined && a.path !== null && !/^[*/.]*$/.test(a.path);
    // torch.save and paddle.save take the object first, the path second (np.save the path first).
    const at = /^(?:torch|paddle)\.save$/.test(callee) ? 1 : writer.at;
    let arg = writer.names.map((n) => args.find((a) => a.name === n)).find(Boolean) ?? positional[at];
    // open's other arguments are its mode and buffering, never the path it writes.
    if (!spells(arg) && last !== "open" && last !== "File") arg = positional.find(spells) ?? arg;
    this.readSaver(line, args, arg);
    let path = arg?.path;
    // np.save("x", a) writes x.npy, np.savez x.npz: numpy adds the suffix a bare name lacks.
    const suffix = /^(?:np|numpy)\.save$/.test(callee)
      ? ".npy"
      : /^(?:np|numpy)\.savez(?:_compressed)?$/.test(callee)
        ? ".npz"
        : "";
    if (path && suffix && !/\.[^/]*$/.test(path.slice(path.lastIndexOf("/") + 1))) path += suffix;
    if (path && !/^[*/.]*$/.test(path)) {
      this.index.writes.push({
        line,
        path,
        call: callee,
        ...(arg?.root ? { root: arg.root } : {}),
        ...(arg?.kind === "name" && /^[A-Za-z_]\w*$/.test(arg.value) ? { via: arg.value } : {}),
      });
      // Libraries that add a suffix a bare name lacks: TabNet's save_model writes x.zip, Keras's model.save x.h5.
      const added =
        last === "save_model"
          ? ".zip"
          : last === "save" && !/^(?:torch|np|numpy|joblib|pickle)\./.test(callee)
            ? ".h5"
            : "";
      if (added && !/\.[^/]*$/.test(path.slice(path.lastIndexOf("/") + 1)))
        this.index.writes.push({ line, path: path + added, call: callee });
    }
    // A checkpoint saved where only the run knows (`torch.save(sd, self.save_dir / name)`): "*".
    else if (last === "save" || last === "save_weights" || last === "save_checkpoint")
      this.index.writes.push({ line, path: "*", call: callee });
  }

  /** A write inside a function whose path is one of the function's parameters, or whose arguments are its
   * forwarded `*args`: the function is a saver. A method's write to `self.x`, where the constructor sets
   * `self.x` from one of its parameters: the class is a saver of that parameter. */
  private readSaver(line: number, args: readonly PyArg[], arg: PyArg | undefined): void {
    const def = this.defs.filter((d) => d.from < line && line <= d.to).pop();
    if (!def) return;
    // `torch.save(self.model.state_dict(), self.path)`: no argument spells a path, one is an attribute.
    const owner = this.classes.filter((c) => c.from < line && line <= c.to).pop();
    const init = owner && this.defs.find((d) => d.name === "__init__" && owner.from < d.from && d.to <= owner.to);
    for (const a of init ? args : []) {
      const whole = /^self\.([A-Za-z_]\w*)$/.exec(a.value)?.[1];
      // `os.path.join(self.checkpoint_dir, name + self.extension)`, `self.out / name`: a file in that folder.
      const within = whole
        ? undefined
        : /^(?:os\.path\.join|(?:pathlib\.)?Path)\(\s*self\.([A-Za-z_]\w*)\s*[,)]|^self\.([A-Za-z_]\w*)\s*\//.exec(
            a.value,
          );
      const attr = whole ?? within?.[1] ?? within?.[2];
      const set = this.selfAssigns.find((s) => s.attr === attr && init!.from < s.line && s.line <= init!.to);
      if (set && init!.params.includes(set.name)) {
        const at = init!.params.indexOf(set.name);
        this.index.savers.push({ name: owner!.name, at, param: set.name, ...(whole ? {} : { into: true }) });
        return;
      }
    }
    const star = args.find((a) => a.name === null && /^\*[A-Za-z_]/.test(a.value));
    if (star && def.params.includes(star.value)) this.index.savers.push({ name: def.name, at: -1 });
    else if (arg?.kind === "name" && def.params.includes(arg.value))
      this.index.savers.push({ name: def.name, at: def.params.indexOf(arg.value), param: arg.value });
    else {
      // `json.dump(cfg, open(folder + 'config.json', 'w'))`: the path is built from parameters; a local name
      // (`dump_path = os.path.join(self.root, "config", file_name)`) is built from them where it was bound.
      const template = saverTemplate(this.boundValue(def, line, arg) ?? arg, def.params);
      if (template) {
        const adds = this.addedExtensions(def, line);
        this.index.savers.push({ name: def.name, at: -2, template, params: def.params, ...(adds ? { adds } : {}) });
      }
    }
  }

  /** The value a bare local name of `def` was last bound to before `line`, as an argument to read; else null. */
  private boundValue(def: { params: string[]; from: number }, line: number, arg: PyArg | undefined): PyArg | null {
    if (arg?.kind !== "name" || def.params.includes(arg.value)) return null;
    const bound = this.localValues.filter((v) => v.name === arg.value && def.from < v.line && v.line < line).pop();
    return bound ? { name: null, kind: "other", value: bound.text, path: null } : null;
  }

  /** Parameters `def` rebinds with an extension added before `line` (`name = f"{name}.yaml"`), by parameter. */
  private addedExtensions(def: { params: string[]; from: number }, line: number): Record<string, string> | null {
    let out: Record<string, string> | null = null;
    for (const v of this.localValues) {
      if (!(def.from < v.line && v.line < line) || !def.params.includes(v.name) || out?.[v.name]) continue;
      const ext = new RegExp(`\\b[fF](["'])\\{${v.name}\\}(\\.[A-Za-z0-9]+)\\1`).exec(v.text)?.[2];
      if (ext) (out ??= {})[v.name] = ext;
    }
    return out;
  }

  /** TODO and FIXME comments, and whether each says code is missing or only notes an idea. */
  readCommentMarks(): void {
    let lines: string[] | null = null;
    for (const c of this.t.comments) {
      const m = COMMENT_MARK.exec(c.text);
      if (m)
        this.index.placeholders.push({
          line: c.line,
          kind: m[1] === "TODO" ? "todo" : "fixme",
          text: c.text.trim().slice(0, 200),
          // Words that say "not implemented" over code that is written are a note for later.
          unfinished: UNFINISHED.test(c.text) && !noteAboveWrittenCode((lines ??= this.text.split("\n")), c.line),
        });
    }
  }

  /** `Path('/x/imgs').glob(...)`: the path the receiver call spells, for a method named at token `k` whose
   * receiver is a call of a path builder; undefined otherwise. */
  private pathReceiver(k: number, callee: string, reader: ArgReader): string | undefined {
    if (callee.includes(".") || !this.isOp(k - 1, ".") || !this.isOp(k - 2, ")")) return undefined;
    let depth = 0;
    for (let o = k - 2; o > 0; o--) {
      const op = this.t.op[o];
      if (op === 41 || op === 93 || op === 125) depth++;
      else if (op === 40 || op === 91 || op === 123) depth--;
      if (depth > 0) continue;
      if (!/^(?:Path|PurePath|PosixPath)$/.test(this.t.kind[o - 1] === T.NAME ? this.str(o - 1) : "")) return undefined;
      const first = reader.args(o).find((a) => a.name === null);
      return first?.path && /[\w]/.test(first.path.replace(/\*/g, "")) ? first.path : undefined;
    }
    return undefined;
  }

  private calleeBefore(k: number): string {
    let name = this.str(k);
    while (this.isOp(k - 1, ".") && this.t.kind[k - 2] === T.NAME) {
      k -= 2;
      name = `${this.str(k)}.${name}`;
    }
    return name;
  }

  /** The end of the argument starting at `a`: the comma or closing bracket at its depth, or the NEWLINE. */
  private argEnd(a: number): number {
    const t = this.t;
    let depth = 0;
    for (let k = a; k < t.count; k++) {
      if (t.kind[k] === T.NEWLINE) return k;
      const op = t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) {
        if (depth === 0) return k;
        depth--;
      } else if (op === 44 && depth === 0) return k;
    }
    return t.count;
  }

  private lastColon(from: number, to: number): number {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const op = this.t.op[k]!;
      if (op === 40 || op === 91 || op === 123) depth++;
      else if (op === 41 || op === 93 || op === 125) depth--;
      else if (op === 58 && depth === 0) return k;
    }
    return -1;
  }

  private lineText(from: number): string {
    const start = this.t.start[from]!;
    const end = this.text.indexOf("\n", start);
    return this.text
      .slice(start, end < 0 ? undefined : end)
      .trim()
      .slice(0, 200);
  }

  private readImport(from: number, to: number): void {
    const line = this.t.line[from]!;
    if (this.str(from) === "import") {
      for (const [a, b] of this.items(from + 1, to)) {
        this.index.imports.push({ line, module: this.dotted(a, b), level: 0, names: [] });
      }
      return;
    }
    let k = from + 1;
    let level = 0;
    for (; k < to && (this.isOp(k, ".") || this.isOp(k, "...")); k++) level += this.str(k).length;
    let m = k;
    while (m < to && this.str(m) !== "import") m++;
    const module = this.dotted(k, m);
    const names = this.items(m + 1, to)
      .map(([a]) => this.str(a))
      .filter((n) => n !== "(" && n !== ")");
    if (names.includes("*")) this.index.starImport = true;
    this.index.imports.push({ line, module, level, names });
  }

  /** Comma-separated items of an import list, parentheses ignored: [first token, end). */
  private items(a: number, b: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let from = a;
    for (let k = a; k <= b; k++) {
      if (k === b || this.isOp(k, ",")) {
        let x = from;
        while (x < k && (this.isOp(x, "(") || this.isOp(x, ")"))) x++;
        let y = x;
        while (y < k && !(this.t.kind[y] === T.NAME && this.str(y) === "as") && !this.isOp(y, ")")) y++;
        if (y > x) out.push([x, y]);
        from = k + 1;
      }
    }
    return out;
  }

  private dotted(a: number, b: number): string {
    let s = "";
    for (let k = a; k < b; k++) s += this.str(k);
    return s;
  }

  /** The innermost function holding a line, or null. */
  private functionAt(line: number): [number, number] | null {
    let found: [number, number] | null = null;
    for (const s of this.spans) if (s[0] <= line && line <= s[1] && (!found || s[0] >= found[0])) found = s;
    return found;
  }

  /** `for f in ['a_fold1.csv', 'a_fold2.csv']:` over file names written out: the loop's name holds a file the
   * body reads (the first stands for them all; a read of it is a read of a name the repo must have). */
  private readLoopOverNames(from: number, to: number, depth: number): void {
    const t = this.t;
    if (t.kind[from + 1] !== T.NAME || this.str(from + 2) !== "in" || !this.isOp(to - 1, ":")) return;
    const open = from + 3;
    if (!this.isOp(open, "[") && !this.isOp(open, "(")) return;
    const names: string[] = [];
    let k = open + 1;
    for (; k < to - 2 && t.kind[k] === T.STRING; k += this.isOp(k + 1, ",") ? 2 : 1) names.push(t.value.get(k) ?? "");
    if (k !== to - 2 || !(this.isOp(k, "]") || this.isOp(k, ")")) || names.length < 2) return;
    if (!names.every((n) => /^[\w./-]+\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(n))) return;
    const line = t.line[from]!;
    this.constants.bind(this.str(from + 1), names[0]!, line, depth > 0 ? this.functionAt(line) : null);
  }

  /** A dict's string items as path constants under `NAME["key"]`: `CFG = {"ckpt_dir": "weights"}` binds each
   * literal item, `CFG["out"] = os.path.join(CFG["out"], f"fold_{i}")` binds that item anew (unknown where its
   * value is: a later path through it must not take the dict's first value). True when the line was such an item
   * assignment, which is nothing else. */
  private readItemAssignment(from: number, to: number, depth: number): boolean {
    const t = this.t;
    const scope = (line: number) => (depth > 0 ? this.functionAt(line) : null);
    const line = t.line[from]!;
    if (this.isOp(from + 1, "=") && this.isOp(from + 2, "{") && this.reader.closing(from + 2) === to - 1) {
      const name = this.str(from);
      const body = this.reader.src(from + 3, to - 1);
      if (body.length > 20_000) return false;
      for (const m of body.matchAll(/(?:^|[{,\s])(['"])([\w.-]+)\1\s*:\s*(['"])([^'"\n{}]*)\3\s*(?=[,}#\n]|$)/g))
        this.constants.bind(`${name}["${m[2]!}"]`, m[4]!, line, scope(line));
      return false;
    }
    if (!(
      this.isOp(from + 1, "[") &&
      t.kind[from + 2] === T.STRING &&
      this.isOp(from + 3, "]") &&
      this.isOp(from + 4, "=")
    ))
      return false;
    if (from + 5 >= to) return true;
    const key = `${this.str(from)}["${t.value.get(from + 2) ?? ""}"]`;
    const value = this.reader.value(null, from + 5, to);
    this.constants.bind(key, value.path ?? "*", line, scope(line));
    return true;
  }

  /** NAME [. NAME]* [: annotation] = value (single target only): hint assignments and string constants. */
  private readAssignment(from: number, to: number, depth: number, classBody = false): void {
    const t = this.t;
    let k = from;
    if (t.kind[k] !== T.NAME) return;
    if (this.readItemAssignment(from, to, depth)) return;
    while (this.isOp(k + 1, ".") && t.kind[k + 2] === T.NAME) k += 2;
    let eq = k + 1;
    if (this.isOp(eq, ":")) while (eq < to && !this.isOp(eq, "=")) eq++;
    if (!this.isOp(eq, "=") || eq + 1 >= to) return;
    const target = this.text.slice(t.start[from]!, t.end[k]!);
    if (k === from && depth > 0 && t.end[to - 1]! - t.start[eq + 1]! < 200)
      this.localValues.push({ line: t.line[from]!, name: target, text: this.reader.src(eq + 1, to) });
    if (k === from + 2 && this.str(from) === "self" && to === eq + 2 && t.kind[eq + 1] === T.NAME)
      this.selfAssigns.push({ line: t.line[from]!, attr: this.str(k), name: this.str(eq + 1) });
    if (
      k > from &&
      this.str(from) !== "self" &&
      this.str(from) !== "cls" &&
      !this.index.attributeTargets.includes(this.str(k))
    )
      this.index.attributeTargets.push(this.str(k));
    const hint = hinted(target);
    let hasString = false;
    // A string, __file__, or a path constant already known (`save_as = OUT_DIR / f.stem`).
    for (let x = eq + 1; x < to && !hasString; x++)
      hasString =
        t.kind[x] === T.STRING ||
        (t.kind[x] === T.NAME && (this.str(x) === "__file__" || this.constants.has(this.str(x))));
    if (!hint && !hasString) return;
    const value = this.reader.value(null, eq + 1, to);
    if (
      k === from &&
      value.path !== null &&
      (value.kind === "string" || value.kind === "other" || value.kind === "name")
    ) {
      this.constants.bind(target, value.path, t.line[from]!, depth > 0 ? this.functionAt(t.line[from]!) : null);
      if (depth === 0 && !value.path.startsWith("*"))
        this.index.constants.push({ name: target, value: value.path, line: t.line[from]! });
      // A config class's bare checkpoint name (`weight_path = "r3d34.pth"`) is a file too: a load of it reads there.
      else if (classBody && value.kind === "string" && (value.path.includes("/") || WEIGHT_FILE.test(value.path)))
        (this.index.classConstants ??= []).push({ name: target, value: value.path, line: t.line[from]! });
    }
    // `cfg.data_dir = "inputs/"` at module level: an attribute a config module sets on its config object.
    if (k > from && depth === 0 && this.str(from) !== "self" && value.kind === "string" && value.path?.includes("/")) {
      const name = this.str(k);
      (this.index.classConstants ??= []).push({ name, value: value.path, line: t.line[from]! });
    }
    if (hint) this.index.assigns.push({ line: t.line[from]!, target, value, entry: depth > 0 && k === from });
  }
}

function dots(callee: string): number {
  let n = 0;
  for (let i = callee.indexOf("."); i >= 0; i = callee.indexOf(".", i + 1)) n++;
  return n;
}

function skipsPlaceholders(decos: string[]): boolean {
  return decos.some((d) => d === "abstractmethod" || d === "overload" || d === "abstractproperty");
}

/** The index of the first logical line after line `i`'s block (the lines indented deeper than it). */
function blockEndOf(lines: readonly LogicalLine[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j]!.depth > lines[i]!.depth) j++;
  return j;
}

/** The names a Lightning `filename` template makes: Lightning puts each field's metric name and `=` before its
 * value (`{epoch}` -> `epoch=3`, `best-{val_loss:.2f}` -> `best-val_loss=0.12`); with that insertion turned off
 * (`auto_insert_metric_name=False`) the field is the value alone (`best-3`). */
function lightningNames(template: string): string[] {
  const inserted = template.replace(/\{\s*([A-Za-z_][\w.]*)[^}]*\}/g, "$1=*").replace(/\{[^}]*\}/g, "*");
  const bare = template.replace(/\{[^}]*\}/g, "*");
  const fits = (b: string) => /^[\w*.=-]+$/.test(b) && /[A-Za-z0-9]/.test(b.replace(/\*/g, ""));
  return [...new Set([inserted, bare])].filter(fits);
}
