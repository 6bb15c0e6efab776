// Fact family `data-refs`: data and weights the code reads, and where each comes from: shipped in the
// repo, fetched by a documented command, written by the pipeline itself (the produced-files graph), or
// placed where the README says or the Kaggle CLI's kernel file mounts; and the Kaggle competitions,
// datasets and kernels the repo names.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import type { Extractor } from "../../extractor.js";
import type { PyArg, PyCall } from "../../python/call-args.js";
import type { PyFileIndex, PySaver } from "../../python/file-index.js";
import { stepFolderForms } from "./step-folders.js";
import { chainOf, writtenChains } from "./written-expressions.js";
import { fillTemplate } from "../../python/saver-template.js";
import {
  FETCH_LINE_READS,
  FETCHER,
  fetchLines,
  fetchMatcher,
  fetchTargets,
  slugMatches,
  slugsIn,
} from "./fetch-commands.js";
import { recordAt } from "../../python/locate.js";
import { kaggleInputAbove, kaggleSlugOf, pathKind } from "../../python/path-kinds.js";
import { preparePythonIndex, sourceOf, type RepoPythonIndex } from "../../python/repo-index.js";
import { RepoPaths } from "./repo-paths.js";
import { isTestFile } from "../../python/test-files.js";
import { scannableConfig } from "../../python/config-lines.js";
import { ConfigKeys, joinRoot, type KeyScope } from "./config-keys.js";
import { parserFilledFields } from "../../python/parser-filled-fields.js";
import { configChoice, scopeValues, type ConfigChoice } from "./config-choice.js";
import type { ModuleTree } from "../../python/dynamic-imports.js";
import { configFilledNames } from "./config-fields.js";
import { unwrittenLoopValues } from "./loop-values.js";
import { ProducedFiles, shellWrites, type Written } from "./produced.js";
import { emptyCopies } from "./empty-copies.js";
import { readmePythonWrites } from "./readme-python.js";
import { configStems, namesConfigStem } from "./stage-weights.js";
import { proseCopies, throughCopy } from "./prose-copies.js";
import { competitionInput } from "./competition-inputs.js";
import { checkpointTemplates } from "./checkpoint-templates.js";
import { fetchedNames } from "./fetched-names.js";
import { projectTrees } from "./project-trees.js";
import { loadsModelByName } from "./model-names.js";
import { configInputs, loadedConfigs } from "./config-inputs.js";
import { kagglehubDownloads, type HubDownload } from "./kagglehub.js";
import { isIntermediate, namedIn } from "./intermediate.js";
import { hostedKernels, kernelOutputOf } from "./kernel-outputs.js";
import { otherName, writtenElsewhere, writtenPrefixed } from "./name-skeleton.js";
import { ARCHIVE_URL, dataSources, documentedBy } from "./sources.js";
import { parseReadme } from "../../shell/readme-parse.js";
import { joinContinuations } from "../../shell/readme-commands.js";
import { SETUP_CALLS, TORCHVISION_BUILDER } from "../../python/setup-hints.js";
import { personalLinks, publicSourceLine } from "./personal-links.js";
import { kaggleNotebooks } from "../../view/kaggle-notebooks.js";
import { filesWithRole, roleOf } from "../../view/file-roles.js";
import { siblingFolders, siblingOf } from "../../parse/sibling-folders.js";
import { placedIn, scriptRunFolders } from "../../shell/script-run-folders.js";
import { repoRoots, underRoot } from "./repo-root.js";
import { fitsTypedFields, nearestWritten } from "./near-names.js";
import { optionDefaults, passesOption } from "./option-defaults.js";
import { weightsSourceLine } from "./weight-notes.js";
import { matlabScripts, matlabStage, matlabStatedIn, matlabWrites, type MatlabScript } from "./matlab.js";
import { withheldNotes } from "./withheld-notes.js";
import { unpackedFolders, unpackedFrom } from "./unpacked-folders.js";
import { configLoads } from "./config-loaders.js";

const WEIGHT_CALLS = new Set([
  "load_weights",
  "load_model",
  "from_pretrained",
  "load_from_checkpoint",
  "load_checkpoint",
  "Booster",
]);
/** A download step that fetches weights, not data (`wget .../model.pth`, `download_weights.sh`). */
/** A line that installs a fetcher or a package rather than fetches data: an install command, one word of a
 * continued package list (`    wget \\` under `apt-get install -y \\`), a package index option's URL
 * (`--extra-index-url https://download.pytorch.org/whl/cu124`). */
const INSTALLED_TOOL =
  /\binstall\b|^\s*[\w.+-]+\s*\\?\s*$|--(?:extra-)?index-url\b|--find-links\b|(?:^|\s)-f\s+https?:/;
/** A Hugging Face link to a model, not a dataset (`huggingface.co/Qwen/Qwen3-VL-8B-Instruct`). */
const MODEL_PAGE = /huggingface\.co\/(?!datasets\/)[\w.-]+\/[\w.-]+/i;

/** Whether the line at `by` (file:line) links only a model page: weights, not a source of data. */
function modelPageLine(by: string, texts: ReadonlyArray<{ file: string; text: string }>): boolean {
  const at = by.lastIndexOf(":");
  const text = texts.find((t) => t.file === by.slice(0, at))?.text;
  const line = text?.split(/\r?\n/)[Number(by.slice(at + 1)) - 1] ?? "";
  return MODEL_PAGE.test(line) && !/kaggle\.com|huggingface\.co\/datasets\//i.test(line);
}

const WEIGHTS_FETCH = /\.(?:pt|pth|ckpt|bin|safetensors|h5|onnx)\b|weights|checkpoint|pretrained/i;
const WEIGHT_EXT = /\.(?:pt|pth|ckpt|bin|safetensors|h5|hdf5|keras|onnx|pb|tflite|params|weights)$/i;
const PATH_KWARGS = new Set([
  "filepath_or_buffer",
  "path",
  "fname",
  "file",
  "filename",
  "filepath",
  "model_file",
  "checkpoint_path",
  "pretrained_model_name_or_path",
  "directory",
  "root",
  "fp",
  "f",
  "path_or_buf",
  "top",
  "pathname",
]);
const NOT_DATA_CALLS = new Set([
  "add_argument",
  "option",
  "create_model",
  "KFold",
  "StratifiedKFold",
  "GroupKFold",
  "StratifiedGroupKFold",
  "MultilabelStratifiedKFold",
  // kagglehub's downloads name a Kaggle source, not a file (kagglehub.ts).
  "dataset_download",
  "competition_download",
  "model_download",
]);
const COPY_CALLS = new Set(["copy", "copyfile", "copy2"]);
const SHUTIL_COPY = /^(?:shutil\.(?:copy|copyfile|copy2)|copyfile|copy2)$/;
const FOLDER_CALLS = new Set([
  "listdir",
  "scandir",
  "walk",
  "ImageFolder",
  "flow_from_directory",
  "image_dataset_from_directory",
]);
/** The files every Kaggle competition ships, documented once the README names the competition: its tables
 * (`train.csv`, `stage_1_train.csv`, `sample_submission.csv`, `validation_metadata.json`), its image and audio
 * folders, and scans in the formats competitions hand out (DICOM, NIfTI), however the code globs them
 * (`train_images/*\/*.dcm`, `train_audio/<species>/*.ogg`). */
// A competition's tables have short names (`train_labels.csv`, `train_series_meta.csv`); a long one
// (`train_is_validated_without_inference_result.csv`) is a step's own table.
const COMPETITION_FILE =
  /(?:^|[\/_-])(?:(?:train|test|valid(?:ation)?|sample_submission)(?:[_.-]?[A-Za-z0-9]+){0,3}\.(?:csv|tsv|json|parquet|zip)|(?:train|test|valid(?:ation)?)(?:_images|_audio)?(?:\/[^/]+)?\/[^/]*\.(?:dcm|png|jpe?g|tiff?|ogg|wav|flac|mp3))$|\.(?:dcm|dicom|nii|nii\.gz)$/i;

/** Where a read happens: its line, the read, the call (or config key) that reads, and whether it may be skipped. */
interface ReadSite {
  line: number;
  read: Read;
  call: string;
  optional: boolean;
}

interface Read {
  path: string;
  kind: "read" | "weights";
  /** The config key that may stand for the path's unknown root. */
  root?: string;
  folder: boolean;
  /** The variable given as the path (`h5py.File(kp_path, "r")`). */
  via?: string;
  /** The attribute or key chain given as the path (`open(cfg.std_path, "rb")`). */
  chain?: string;
}

/** The path a reading call reads, or null (a write, a file object, nothing literal). `constants`: the
 * file's top-level path constants, for a receiver that names one (`TRAIN_DIR.glob("*.jpeg")`). */
function readPath(
  call: PyCall,
  constants: ReadonlyMap<string, string>,
  keys: ConfigKeys,
  scope?: KeyScope,
): Read | null {
  const last = call.callee.slice(call.callee.lastIndexOf(".") + 1);
  if (NOT_DATA_CALLS.has(last) || call.decorator) return null;
  // The setup family's calls take model names and sizes (`EfficientNet.from_name(f"efficientnet-{v}")`,
  // `smp.Unet("resnet34")`), not files; YOLO("yolov5s.pt") alone loads weights.
  if ((SETUP_CALLS.has(last) && last !== "YOLO") || TORCHVISION_BUILDER.test(last)) return null;
  // `shutil.copy(src, dst)` reads its source; `df.copy()`, `copy.copy(x)` and `np.copy(a)` copy objects.
  if (COPY_CALLS.has(last) && !SHUTIL_COPY.test(call.callee)) return null;
  const positional = call.args.filter((a) => a.name === null);
  // torch.hub.load("org/repo", "model"): a public GitHub repo the hub fetches; only `source="local"` names a
  // folder of the repo, and `path=` a checkpoint the model loads.
  if (/(?:^|\.)hub\.load$/.test(call.callee) && !call.args.some((a) => a.name === "source" && a.value === "local")) {
    const checkpoint = call.args.find((a) => a.name === "path")?.path;
    return checkpoint ? { path: checkpoint, kind: "weights", folder: false } : null;
  }
  if (last === "open" || last === "File") {
    // Path(...).open("w") and f.open(mode): the mode, not a path; the path is the receiver's. h5py.File(p, "w") writes.
    if (positional[0]?.kind === "string" && /^[rwxabt+]+$/.test(positional[0].value)) return null;
    const mode = call.args.find((a) => a.name === "mode") ?? positional[1];
    if (mode && mode.kind === "string" && /[wax]/.test(mode.value)) return null;
  }
  const arg = positional[0] ?? call.args.find((a) => a.name !== null && PATH_KWARGS.has(a.name));
  let path = arg?.path;
  let root = arg?.root;
  // `torch.load(settings['MODEL_PT_WEIGHTS'])`: the whole path is a settings key's value, a file named like any
  // other. Only a key (not a bare variable) whose value names a file with an extension.
  if (arg && arg.kind !== "name" && arg.root && path === "*") {
    const values = arg.rootPath ? keys.whole(arg.rootPath, scope) : keys.substitute("*", arg.root, scope);
    const value = values.find((v) => /\.[A-Za-z0-9]+$/.test(v.path));
    if (value) path = value.path;
  }
  // folder.glob("*.pth") on a Path: the pattern is under the receiver, whose path is unknown here unless it is a
  // constant or a `Path('...')` written in place.
  if (path && /(?:^|\.)r?glob$|(?:^|\.)iterdir$/.test(call.callee) && call.receiver !== undefined)
    path = `${call.receiver.replace(/\/+$/, "")}/${path}`;
  else if (
    path &&
    /(?:^|\.)r?glob$|\.iterdir$/.test(call.callee) &&
    !/^(?:glob|glob2)\./.test(call.callee) &&
    call.callee.includes(".")
  ) {
    const receiver = call.callee.slice(0, call.callee.lastIndexOf("."));
    const known = constants.get(receiver);
    path = `${known ?? "*"}/${path}`;
    // `self.root.rglob("*.jpg")`: a folder the run is given, named like a configured root.
    if (known === undefined && /^[A-Za-z_][\w.]*$/.test(receiver)) root = receiver.slice(receiver.lastIndexOf(".") + 1);
  }
  if (!path || /^[*/.]*$/.test(path) || path.includes("://") || !/[\w]/.test(path.replace(/\*/g, ""))) return null;
  const kind: Read["kind"] = WEIGHT_CALLS.has(last) || WEIGHT_EXT.test(path) ? "weights" : "read";
  if (last === "from_pretrained" && !/^(?:\.{1,2}\/|\/|~|[A-Za-z]:)/.test(path)) return null; // a hub id, not a file
  if (loadsModelByName(call.callee, path)) return null; // a model name the library fetches, not a file
  if (last === "Booster" && !call.args.some((a) => a.name === "model_file")) return null;
  return {
    path,
    kind,
    ...(root ? { root } : {}),
    folder: FOLDER_CALLS.has(last) || path.endsWith("/"),
    ...(arg?.kind === "name" && /^[A-Za-z_]\w*$/.test(arg.value) ? { via: arg.value } : {}),
    ...(chainOf(arg) !== null ? { chain: chainOf(arg)! } : {}),
  };
}

/** Everything the repo writes: the Python writers, and the shell steps of scripts, notebooks' `!` lines and README blocks. */
function writesOf(
  view: RepoView,
  index: RepoPythonIndex,
  readmeBlocks: ReadonlyArray<{ file: string; lines: Array<{ line: number; text: string }> }>,
  readmes: ReadonlyArray<{ file: string; text: string }>,
  keys: ConfigKeys,
  runFolders: ReadonlyMap<string, ReadonlySet<string>>,
  matlab: readonly MatlabScript[],
): Written[] {
  const out: Written[] = [];
  for (const file of index.files)
    for (const w of file.writes) {
      if (w.path === "*") continue;
      const what = /(?:^|\.)(?:mkdir|makedirs)$/.test(w.call)
        ? "made"
        : w.folder || /extractall|copytree/.test(w.call)
          ? "filled"
          : "file";
      const by = `${file.path}:${w.line}`;
      out.push({ path: w.path, by, what, fromFile: file.path });
      // Under a folder a settings file names (`settings['SUBMISSION_DIR']`): also where that value puts it.
      for (const t of keys.substitute(w.path, w.root)) out.push({ path: t.path, by, what, fromFile: file.path });
    }
  for (const item of wrapperWrites(index)) out.push(item);
  // A file that saves under a name it formats at run time makes the names its templates fit.
  for (const file of index.files)
    if (file.writes.some((w) => w.path.slice(w.path.lastIndexOf("/") + 1).includes("*")))
      for (const item of checkpointTemplates(file.path, view.read(file.path) ?? "")) out.push(item);
  // A script that downloads or extracts archives into a folder the run picks makes the names its text holds.
  for (const file of index.files)
    if (!file.notebook) for (const item of fetchedNames(file.path, view.read(file.path) ?? "")) out.push(item);
  // A notebook's `!` lines and the commands Python hands a shell (`os.system("mv a b")`) are shell steps too.
  for (const file of index.files) {
    if (file.shell?.length) for (const item of shellWrites(file.path, file.shell)) out.push(item);
    for (const s of file.shellStrings)
      for (const item of shellWrites(file.path, [{ line: s.line, text: s.value }])) out.push(item);
  }
  for (const entry of filesWithRole(view, "shell", "makefile")) {
    if (entry.skipped || entry.size > 1_000_000) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    // A command continued over lines (`python infer.py \` then `--output_json "$OUT"`) is one command.
    const lines = joinContinuations(text.split("\n").map((t, i) => ({ line: i + 1, text: t })));
    // A script's relative paths start where the step that runs it works (`sh bin/x.sh` from the root), not
    // in its own folder; one no step is seen to run keeps its own folder (and the root, as `locate` tries).
    const folders = [...(runFolders.get(entry.path) ?? [])];
    if (folders.length === 0) out.push(...shellWrites(entry.path, lines));
    for (const folder of folders) out.push(...shellWrites(entry.path, lines, placedIn(entry.path, folder)));
  }
  for (const block of readmeBlocks) for (const item of shellWrites(block.file, block.lines)) out.push(item);
  for (const item of readmePythonWrites(readmes)) out.push(item);
  // A MATLAB stage's tables (`writetable(T, 'work/x.csv')`) are what the Python steps after it read.
  for (const item of matlabWrites(matlab)) out.push(item);
  // A committed `build/lib/` copy of a package is not where the rerun's code runs: its writes come after the
  // source tree's, so a producer is named there only when nothing else writes the file.
  const stale = (w: Written) => BUILD_COPY.test(w.by);
  return [...out.filter((w) => !stale(w)), ...out.filter(stale)];
}

const BUILD_COPY = /(?:^|\/)build\/lib(?:\.[\w.-]+)?\//;

/** The folders each shell script runs from, from the README's commands that run it and the scripts they call. */
function shellRunFolders(view: RepoView, readme: readonly FactRecord[]): Map<string, Set<string>> {
  const runs = readme.flatMap((r) =>
    r.kind === "command" && typeof r.script === "string"
      ? [{ script: r.script.replace(/^\.\//, ""), cwd: typeof r.cwd === "string" ? r.cwd : "" }]
      : [],
  );
  return scriptRunFolders(
    runs,
    (p) => view.read(p),
    (p) => view.has(p),
    { isDir: (p) => view.isDir(p) },
  );
}

/** Calls of the repo's own savers (`save_on_master(state, os.path.join(d, "checkpoint.pth"))`): each writes
 * the argument its function hands to the writer. */
function wrapperWrites(index: RepoPythonIndex): Written[] {
  const savers = new Map<string, PySaver[]>();
  for (const file of index.files)
    for (const s of file.savers) (savers.get(s.name) ?? savers.set(s.name, []).get(s.name)!).push(s);
  const out: Written[] = [];
  if (savers.size === 0) return out;
  const spells = (a: PyArg | undefined): a is PyArg & { path: string } =>
    a !== undefined && a.path !== null && !/^[*/.]*$/.test(a.path);
  for (const file of index.files) {
    for (const call of file.saveCalls) {
      const positional = call.args.filter((a) => a.name === null);
      for (const s of savers.get(call.callee.slice(call.callee.lastIndexOf(".") + 1)) ?? []) {
        if (s.template !== undefined) {
          // `save_config(cfg, args.log_folder)`: the helper's path with the call's arguments in place.
          const bound = (p: string) => {
            const a = call.args.find((x) => x.name === p) ?? positional[s.params?.indexOf(p) ?? -1];
            const added = s.adds?.[p];
            // `dump_cfg(cfg, "cfg")` writes cfg.yaml when the helper adds the extension a bare name lacks.
            return a?.path && added && !/\.[^/*]+$/.test(a.path) ? a.path + added : (a?.path ?? null);
          };
          const path = fillTemplate(s.template, bound);
          if (/[A-Za-z0-9]/.test(path.replace(/\*/g, "")))
            out.push({ path, by: `${file.path}:${call.line}`, what: "file", fromFile: file.path });
          continue;
        }
        const arg =
          s.at < 0
            ? positional.find(spells)
            : (call.args.find((a) => a.name !== null && a.name === s.param) ?? positional[s.at]);
        // A saver of files it names itself, in the folder it is given: some file there, named at run time.
        if (spells(arg))
          out.push({
            path: s.into ? `${arg.path.replace(/\/+$/, "")}/*` : arg.path,
            by: `${file.path}:${call.line}`,
            what: "file",
            fromFile: file.path,
          });
      }
    }
  }
  return out;
}

/** Does a read's file name say only its extension (`{root}/{x}.jpg`, a bare glob), naming no file of its own? */
function namesNoFile(path: string): boolean {
  return !/[A-Za-z0-9]/.test(
    path
      .slice(path.lastIndexOf("/") + 1)
      .replace(/\.[A-Za-z0-9]+$/, "")
      .replace(/\*/g, ""),
  );
}

/** Kinds of machine path paths-portable reports wherever the code holds one. */
const MACHINE_KINDS = new Set(["home", "windows-drive", "colab-drive", "mnt"]);

/** The machine-specific folder a read lists by pattern alone (`glob('D:/videos/' + '*.mp4')`), or null: the
 * machine path is paths-portable's finding, and the read names no file of its own to ship. */
function machineFolderOf(path: string): string | null {
  const kind = pathKind(path.replace(/\*.*$/, "") || path);
  if (kind === null || !MACHINE_KINDS.has(kind) || !namesNoFile(path)) return null;
  return path.slice(0, path.replace(/\\/g, "/").lastIndexOf("/") + 1);
}

/** A named file a pipeline makes for itself (`oof_df.csv`) that no README names: no download's own file. */
const ownArtefactOf = (text: string) => (path: string) =>
  isIntermediate(path) && !namesNoFile(path) && !namedIn(text, path);

/** Weights one call of one file loads from one folder under names that differ only in their first word or
 * numbers (`resnet18_no_top.h5`, `densenet121_no_top.h5`): the group of one loader. `backbone.ckpt` and
 * `init.ckpt` are two weights. */
function loadGroupOf(file: string, call: string, path: string): string {
  const dir = path.slice(0, Math.max(0, path.lastIndexOf("/")));
  const base = path.slice(path.lastIndexOf("/") + 1);
  const rest = /^[^_.-]+[_-](.+\.[^.]+)$/.exec(base)?.[1] ?? base;
  return `${file}|${call}|${dir}|${rest.replace(/\d+/g, "#")}`;
}

/** A call that lists a folder by a glob pattern: its `*` is any text, not a field a format fills. */
const GLOB_CALL = /(?:^|\.)[ri]?glob$/;

const KAGGLE_DATASET_FETCH = /\bkaggle\s+datasets\s+download\b/;

/** A note longer than this is a log or a data dump, not one that names a source. */
const NOTE_BYTES = 64 * 1024;

export const extractor: Extractor = {
  id: "data-refs",
  reads: ["kaggle-kernel", ...FETCH_LINE_READS],
  roles: [
    "python",
    "notebook",
    "readme",
    "docs",
    "shell",
    "makefile",
    "dockerfile",
    "config",
    "conda",
    "text",
    "requirements",
  ],
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const paths = new RepoPaths(ctx.view);
    const lines = fetchLines(ctx.view, ctx.facts);
    const fetchedBy = fetchMatcher(lines);
    const unpacks = unpackedFolders(ctx.view, ctx.facts);
    // kagglehub's downloads in code fetch as the Kaggle CLI's do in a shell.
    const hub = hubDownloads(ctx.view, index);
    const commanded = [
      ...slugsIn(lines),
      ...[...hub].flatMap(([file, list]) =>
        list.flatMap((d) =>
          d.kind === "kaggle-model"
            ? []
            : [
                {
                  file,
                  line: d.line,
                  text: "",
                  slug: d.slug.replace(/\/versions\/\d+$/, ""),
                  kind: d.kind,
                  inCode: true,
                },
              ],
        ),
      ),
    ];
    const fetchedSlugs = commanded.map((s) => s.slug.slice(s.slug.lastIndexOf("/") + 1));
    const slugFetched = (slug: string) => fetchedSlugs.some((p) => slugMatches(p, slug));
    const readmes = filesWithRole(ctx.view, "readme", "docs")
      .filter((f) => !f.skipped && f.kind === "text")
      .map((f) => ({ file: f.path, text: ctx.view.read(f.path) ?? "" }));
    // Notes beside the code (`data/download.txt`, `DATA.md`): their data links name sources too.
    const notes = filesWithRole(ctx.view, "text")
      .filter((f) => !f.skipped && /\.(?:txt|md|markdown|rst)$/i.test(f.path) && f.size <= NOTE_BYTES)
      .map((f) => ({ file: f.path, text: ctx.view.read(f.path) ?? "" }));
    const sources = dataSources(
      readmes,
      lines.map((l) => l.text),
      fetchTargets(lines),
      notes,
    );
    const competition = sources.competition;
    // A documented command that downloads a Kaggle dataset or a data archive (`kaggle datasets download -d
    // owner/ds`, `wget https://host/data.zip`) brings the data a configured root points at, as a link would.
    const fetchBy = (re: RegExp) => {
      const l = lines.find((x) => re.test(x.text));
      return l ? `${l.file}:${l.line}` : null;
    };
    const datasetFetch = fetchBy(KAGGLE_DATASET_FETCH);
    const ownArtefact = ownArtefactOf(sources.text);
    const archiveDownload = sources.archiveDownload ?? fetchBy(ARCHIVE_URL);
    // Data folders the README places beside the repo (a layout tree, "next to this repo"): reads under them are documented.
    const siblings = siblingFolders(readmes, [...new Set(ctx.view.files().map((f) => f.path.split("/")[0]!))]);
    const besideRepo = (path: string, from: string) => {
      const folder = siblingOf(path, from);
      return folder === null ? null : (siblings.get(folder) ?? siblings.get("*") ?? null);
    };
    // A README's code blocks run in one reader's shell, one after the other: `cd data/raw` in one block
    // still holds in the next.
    const readmeBlocks = readmes.map((r) => ({
      file: r.file,
      lines: joinContinuations(parseReadme(r.text).code).map((c) => ({
        line: c.line,
        text: c.text.trim().replace(/^(?:\$|>|#\s*\$)\s+/, ""),
      })),
    }));
    // What the documented commands may pass to a script: the READMEs, shell scripts, Makefiles, notebooks' `!`
    // lines and commands Python hands a shell.
    const commandTexts = [
      ...readmes.map((r) => r.text),
      ...filesWithRole(ctx.view, "shell", "makefile")
        .filter((e) => !e.skipped && e.size <= 1_000_000)
        .map((e) => ctx.view.read(e.path) ?? ""),
      ...index.files.flatMap((f) => [...(f.shell ?? []).map((l) => l.text), ...f.shellStrings.map((x) => x.value)]),
    ];
    // Checkpoints the training saves where only the run knows: weights read from an unknown root are those.
    const saver =
      index.files.flatMap((f) => f.writes.filter((w) => w.path === "*").map((w) => `${f.path}:${w.line}`))[0] ?? null;
    const stems = configStems(
      ctx.view
        .files()
        .filter((e) => e.kind === "config" || /(?:^|\/)configs?\//.test(e.path))
        .map((e) => e.path),
    );
    const keys = new ConfigKeys();
    for (const entry of ctx.view.files()) {
      if (entry.kind !== "config" || entry.skipped || !scannableConfig(entry.path, entry.size)) continue;
      const text = ctx.view.read(entry.path);
      if (text !== null) keys.addConfigText(entry.path, text);
    }
    for (const file of index.files) {
      // A dataclass field the file's own parser fills (`Config(**vars(args))`) never holds its default.
      const dead =
        file.classConstants?.length && !file.notebook
          ? parserFilledFields(ctx.view.read(file.path) ?? "")
          : new Set<number>();
      for (const c of [...file.constants, ...(file.classConstants ?? []).filter((c) => !dead.has(c.line))])
        keys.add(c.name, c.value, file.path);
    }
    const matlab = matlabScripts(ctx.view);
    const writes = writesOf(
      ctx.view,
      index,
      readmeBlocks,
      readmes,
      keys,
      shellRunFolders(ctx.view, ctx.facts.families.readme ?? []),
      matlab,
    );
    const apart = projectTrees(ctx.view.files().map((e) => e.path));
    const produced = new ProducedFiles(writes, apart);
    // A copy out of an empty folder is a step that writes nothing: say so where it is a read's only producer
    // (not out of a folder the README has the reader fill: the download fills it).
    const hollow = emptyCopies(
      writes,
      ctx.view.files().map((e) => e.path),
      (source) => documentedBy(sources, source, "", false) !== null,
    );
    const hollowBy = new Map(hollow.map((h) => [h.write.by, h.why]));
    const hollowOnly = new ProducedFiles(
      writes.filter((w) => !hollowBy.has(w.by)),
      apart,
    );

    const records: FactRecord[] = [];
    const slugs = new Map<string, FactRecord>();
    for (const s of commanded) {
      const key = `${s.kind}:${s.slug}`;
      if (slugs.has(key)) continue;
      // A download in code is located as its reads are (a notebook's cell and line in it).
      const at = "inCode" in s ? { path: s.file, lineMap: index.byPath.get(s.file)?.lineMap } : { path: s.file };
      slugs.set(key, recordAt(at, s.line, { kind: s.kind, slug: s.slug, inRepo: false, fetched: true }));
    }
    // The Kaggle CLI's kernel file documents the sources Kaggle mounts at /kaggle/input/<slug>.
    const kernelSources = new Map<string, string>();
    for (const r of ctx.facts.families["kaggle-kernel"] ?? []) {
      if (typeof r.slug !== "string" || typeof r.kind !== "string" || !r.kind.endsWith("-source")) continue;
      const kind = `kaggle-${r.kind.slice(0, -"-source".length)}`;
      // Kaggle mounts a source under its name alone; the source itself is named whole (owner/slug).
      const slug = r.slug.toLowerCase();
      const whole = (typeof r.value === "string" ? r.value : r.slug).toLowerCase();
      if (!kernelSources.has(slug)) kernelSources.set(slug, `${r.file}:${r.line}`);
      if (
        ![...slugs.values()].some(
          (x) => typeof x.slug === "string" && slugMatches(x.slug.slice(x.slug.lastIndexOf("/") + 1), slug),
        )
      )
        slugs.set(`${kind}:${whole}`, { file: r.file, line: r.line, kind, slug: whole, inRepo: false, fetched: false });
    }
    // The folders the README runs each script from (`cd workdir` then `python ../src/train.py`): its relative
    // reads start there, for what the repo ships, a step writes and the README documents. Each stands as the
    // script's own path moved into that folder.
    const runFrom = new Map<string, string[]>();
    for (const r of ctx.facts.families.readme ?? []) {
      if (r.kind !== "command" || typeof r.script !== "string" || typeof r.cwd !== "string") continue;
      const moved = `${r.cwd}/${r.script.slice(r.script.lastIndexOf("/") + 1)}`;
      if (moved !== r.script) (runFrom.get(r.script) ?? runFrom.set(r.script, []).get(r.script)!).push(moved);
    }
    // The modules under a step's folder that its script imports read from that folder too.
    const stepRuns = (ctx.facts.families.readme ?? []).flatMap((r) =>
      r.kind === "command" && typeof r.script === "string" && typeof r.cwd === "string"
        ? [{ script: r.script, cwd: r.cwd }]
        : [],
    );
    for (const [file, forms] of stepFolderForms(
      stepRuns,
      index.files.map((f) => f.path),
    ))
      for (const form of forms) {
        const list = runFrom.get(file) ?? runFrom.set(file, []).get(file)!;
        if (!list.includes(form)) list.push(form);
      }
    const tree = moduleTree(ctx.view);
    const roots = repoRoots(
      readmes,
      index.files.flatMap((f) => f.pathStrings.map((p) => p.value)),
      (p) => ctx.view.isDir(p),
    );
    const copies = proseCopies(readmes);
    const kernels = hostedKernels(lines, readmes, ctx.facts.families["kaggle-kernel"] ?? []);
    const forKaggle = kaggleNotebooks(ctx.facts, (path) => ctx.view.read(path));
    // A read in a loop over literal values its writer's shell loop does not give (`seeds = [0, 1, 2, 3]` read,
    // `for seed in 0 1 2` trained): "path (file:line), never for seed 3 (...)".
    let scripts: Array<{ file: string; text: string }> | null = null;
    const loopsDisagree = (reader: string, line: number, by: string): string | null => {
      const at = /^(.*\.(?:py|ipynb)):(\d+)$/.exec(by);
      if (!at) return null;
      scripts ??= filesWithRole(ctx.view, "shell").flatMap((e) => {
        const text = e.skipped || e.size > 200_000 ? null : ctx.view.read(e.path);
        return text === null ? [] : [{ file: e.path, text }];
      });
      const writerLine = linesOf(at[1]!)[Number(at[2]) - 1] ?? "";
      const unwritten = unwrittenLoopValues(
        { lineText: linesOf(reader)[line - 1] ?? "", fileText: linesOf(reader).join("\n") },
        { lineText: writerLine, file: at[1]! },
        scripts,
      );
      const written = index.byPath.get(at[1]!)?.writes.find((w) => w.line === Number(at[2]))?.path;
      return unwritten && written ? `${written} (${by}), never for ${unwritten}` : null;
    };
    const chainWrites = writtenChains(index.files);
    const weightNotes = new Map<string, string | null>();
    const weightsNote = (path: string) => {
      if (!weightNotes.has(path)) {
        const at = weightsSourceLine(linesOf(path).join("\n"));
        weightNotes.set(path, at === null ? null : `${path}:${at}`);
      }
      return weightNotes.get(path)!;
    };
    // A reading file's lines, for the few reads whose name a config may fill.
    const lineCache = new Map<string, string[]>();
    const linesOf = (path: string) =>
      lineCache.get(path) ?? lineCache.set(path, (sourceOf(ctx.view, path)?.text ?? "").split("\n")).get(path)!;
    /** One read's record: whether the repo ships it, a command fetches it, a step writes it or a README names
     * its source, each tried from the reading file's place (and the folders the README runs it from). */
    const readRecord = (
      file: { path: string; notebook: boolean; lineMap?: PyFileIndex["lineMap"]; writes?: PyFileIndex["writes"] },
      kaggleLayout: string | null,
      site: ReadSite,
      scope?: KeyScope,
      defaults?: ReadonlyMap<string, { value: string; line: number }>,
    ): FactRecord => {
      const read = site.read;
      // The path as written, then with a config value (of the file's own config, where it names one) for its
      // unknown root.
      // A file name whose fields a config fills (`f"v{cfg.feats_ver}.pkl"`): the names the run reads, not any
      // name the wildcard fits.
      const filled = read.path.slice(read.path.lastIndexOf("/") + 1).includes("*")
        ? configFilledNames(read.path, (linesOf(file.path)[site.line - 1] ?? "").slice(0, 2000), keys)
        : [];
      const named = filled.length > 0 ? filled.map((f) => f.path) : [read.path];
      // Under the repo's own absolute root (`/home/u/proj/out_json/`): that folder of the repo, from its root.
      const fromRoot = roots.length > 0 ? underRoot(read.path, roots) : null;
      if (fromRoot !== null) named.push(fromRoot);
      // A config of another sub-project is no config of this read.
      const tries = named.flatMap((p) => [
        { path: p, by: null as string | null },
        ...keys.substitute(p, read.root, scope).filter((t) => !apart(file.path, t.by.replace(/:\d+$/, ""))),
      ]);
      // Under a folder an option of the file names, that no documented command passes: its default folder.
      const option = read.root !== undefined && read.path.startsWith("*") ? defaults?.get(read.root) : undefined;
      if (option) tries.push({ path: joinRoot(option.value, read.path.slice(1)), by: `${file.path}:${option.line}` });
      const configNamed =
        filled.length > 0
          ? filled.map((f) => `${f.path.slice(f.path.lastIndexOf("/") + 1)} (${f.by})`).join("; ")
          : null;
      const slug = kaggleSlugOf(read.path, true);
      let inRepo = false;
      // A folder named after a competition or dataset the repo downloads (`kaggle ... -c comp`, then comp/train).
      const first = /^(?:\.\/)?([\w.-]+)\//.exec(read.path)?.[1];
      // Under the folder a kagglehub download returned (`os.path.join(root, "x.csv")`).
      let fetched =
        (slug !== null && slugFetched(slug)) ||
        (first !== undefined && first.length > 5 && slugFetched(first)) ||
        (read.root !== undefined && (hub.get(file.path) ?? []).some((d) => d.name === read.root));
      let producedBy: string | null = null;
      let documented: string | null = slug !== null ? (kernelSources.get(slug.toLowerCase()) ?? null) : null;
      let resolved: string | null = null;
      // Every write the read may be, for the plan to ask whether any of them runs (not only the first found).
      const writers = new Set<string>();
      // A root a constant of the repo names (`OUTPUT_PATH + 'x.pklz'`, OUTPUT_PATH imported): the read is that
      // folder's file, and its unknown-root form would meet any write whose name merely ends like it
      // (`*get_x.csv`). A write under an unknown root still meets the resolved form.
      const keyed = tries.some((t) => t.by !== null);
      for (const t of tries) {
        inRepo ||= paths.exists(t.path, file.path);
        fetched ||= fetchedBy(t.path);
        const seeks = !(keyed && t.by === null && t.path.startsWith("*"));
        if (seeks) producedBy ??= produced.producer(t.path, file.path, read.folder, read.kind === "weights");
        if (seeks)
          for (const by of produced.producers(t.path, file.path, read.folder, read.kind === "weights")) writers.add(by);
        documented ??= documentedBy(sources, t.path, file.path, file.notebook) ?? besideRepo(t.path, file.path);
        for (const from of runFrom.get(file.path) ?? []) {
          inRepo ||= paths.exists(t.path, from);
          if (seeks) producedBy ??= produced.producer(t.path, from, read.folder, read.kind === "weights");
          if (seeks)
            for (const by of produced.producers(t.path, from, read.folder, read.kind === "weights")) writers.add(by);
          documented ??= documentedBy(sources, t.path, from, file.notebook);
        }
        if (
          documented === null &&
          competition &&
          COMPETITION_FILE.test(t.path.replace(/\*/g, "x")) &&
          !(isIntermediate(t.path) && !namedIn(sources.text, t.path))
        )
          documented = competition;
        if (t.by && resolved === null) resolved = `${t.path} (${t.by})`;
      }
      // Under a folder a documented download unpacks into: the archive's file (or, where the archive is named
      // otherwise than the folder, probably).
      let unpackedBy: string | null = null;
      if (!inRepo && !fetched)
        for (const t of tries) {
          const under = unpackedFrom(t.path, unpacks);
          if (under?.conclusive) fetched = true;
          else unpackedBy ??= under?.by ?? null;
        }
      if (fetched) unpackedBy = null;
      // A write whose integer field cannot make the name read (`fold%d` written, `fold1_best` read) is not its writer.
      if (!read.path.includes("*") && !read.folder && producedBy !== null) {
        const base = read.path.slice(read.path.lastIndexOf("/") + 1);
        const makes = (by: string) => {
          const w = writes.find((x) => x.by === by && x.what === "file");
          const cut = by.lastIndexOf(":");
          return !w || fitsTypedFields(base, w.path, linesOf(by.slice(0, cut))[Number(by.slice(cut + 1)) - 1] ?? "");
        };
        for (const by of [...writers]) if (!makes(by)) writers.delete(by);
        if (!makes(producedBy)) producedBy = [...writers][0] ?? null;
      }
      if (documented === null && kaggleLayout !== null && /^(?:\.\.\/)+input\/|^\/kaggle\/input\//.test(read.path))
        documented = kaggleLayout;
      // Under a root the user configures (`config.dataset_path`), with the README linking the data package
      // or downloading a Kaggle dataset: where the code looks is a layout question, not an unnamed source.
      // (A data set downloaded is not the checkpoints a load of the configured root reads.)
      // An archive's address says nothing of its files: it holds the images a glob lists, not a named
      // `gallery.csv` the README never mentions.
      if (documented === null && read.root)
        documented =
          sources.packageLink ??
          (read.kind === "weights"
            ? null
            : (sources.datasetDownload ??
              (ownArtefact(read.path) ? null : datasetFetch) ??
              (namesNoFile(read.path) ? archiveDownload : null) ??
              // The competition the README links hands out the data a configured root points at.
              (ownArtefact(read.path) ? null : competition)));
      // Weights whose source the loading file's own comment or docstring links (`from https://github.com/u/models`).
      if (documented === null && read.kind === "weights") documented = weightsNote(file.path);
      if (producedBy !== null && competitionInput(read.path, documented !== null, producedBy, writes))
        producedBy = null;
      // Under a folder the README's prose fills from another ("replace prod-models with dev-models").
      if (producedBy === null && copies.length > 0)
        producedBy = throughCopy(read.path, copies, (p) =>
          produced.producer(p, file.path, read.folder, read.kind === "weights"),
        );
      // `h5py.File(kp_path, "w")` earlier in the file, then `h5py.File(kp_path, "r")`: the file it wrote.
      if (producedBy === null && read.via !== undefined) {
        const earlier = file.writes?.find((w) => w.via === read.via && w.line < site.line);
        if (earlier) producedBy = `${file.path}:${earlier.line}`;
      }
      // `open(cfg.std_path, "wb")` in training, `open(cfg.std_path, "rb")` otherwise: the path the training writes.
      if (producedBy === null && read.chain !== undefined) producedBy = chainWrites.get(read.chain) ?? null;
      if (producedBy === null && saver && read.kind === "weights" && read.path.startsWith("*")) producedBy = saver;
      // `models/<stem>/<stem>_epoch10.pth` for a config of the repo: the training's save under that config's name.
      if (producedBy === null && saver && read.kind === "weights" && tries.some((t) => namesConfigStem(t.path, stems)))
        producedBy = saver;
      const emptyCopy =
        producedBy !== null &&
        hollowBy.has(producedBy) &&
        tries.every((t) => hollowOnly.producer(t.path, file.path, read.folder, read.kind === "weights") === null)
          ? hollowBy.get(producedBy)!
          : null;
      const kernelOutput = inRepo ? null : kernelOutputOf(read.path, kernels);
      // A read of a known folder (a constant's root resolved) under a name near one a step writes there.
      const nearName = (list: ReadonlyArray<{ path: string }>, from: string) =>
        list.reduce<string | null>((hint, t) => hint ?? nearestWritten(writes, t.path, from), null);
      const loops =
        producedBy !== null && !inRepo && !fetched && read.path.includes("*")
          ? loopsDisagree(file.path, site.line, producedBy)
          : null;
      const writtenAs = loops
        ? loops
        : producedBy !== null && !inRepo && !fetched
          ? otherName(writes, producedBy, read.path, GLOB_CALL.test(site.call))
          : producedBy === null && !inRepo && !fetched && documented !== null && documented !== kaggleLayout
            ? writtenElsewhere(writes, read.path)
            : producedBy === null && !inRepo && !fetched && documented === null
              ? (writtenPrefixed(writes, read.path) ?? nearName(tries, file.path))
              : null;
      const machineFolder = machineFolderOf(read.path);
      return recordAt(file, site.line, {
        kind: read.kind,
        path: read.path,
        call: site.call,
        // One loader's many weights (an if/elif of `load_weights('/w/resnet{18,34,50}_no_top.h5')`): one finding.
        ...(read.kind === "weights" ? { loadGroup: loadGroupOf(file.path, site.call, read.path) } : {}),
        inRepo,
        fetched,
        producedBy,
        documentedBy: documented,
        optional: site.optional,
        ...(resolved ? { resolved } : {}),
        ...(tries.some((t) => t.by !== null && !t.path.includes("*")) ? { rootKnown: true } : {}),
        ...(configNamed ? { configNamed } : {}),
        ...(producedBy !== null && writers.size > 1
          ? { alsoProducedBy: [...writers].filter((w) => w !== producedBy).join(",") }
          : {}),
        ...(emptyCopy ? { emptyCopy } : {}),
        ...(writtenAs ? { writtenAs } : {}),
        ...(kernelOutput ? { kernelOutput } : {}),
        ...(unpackedBy ? { unpackedBy } : {}),
        ...(machineFolder ? { machineFolder } : {}),
      });
    };
    for (const file of index.files) {
      if (isTestFile(file)) continue;
      const seen = new Set<string>();
      // A notebook meant for Kaggle runs in /kaggle/working: its ../input/<x> is where Kaggle mounts its sources.
      const kaggleLayout = file.notebook ? forKaggle(file.path) : null;
      const constants = new Map(file.constants.map((c) => [c.name, c.value]));
      // The config module this file reads its `cfg.<attr>` from, where it names or imports one (found on
      // the first key the file looks up).
      let choice: ConfigChoice | null = null;
      const scope: KeyScope = (list) =>
        scopeValues(
          list,
          (choice ??= configChoice(
            file.path,
            ctx.view.read(file.path) ?? "",
            file.imports,
            tree,
            (m) => index.byPath.get(m)?.imports ?? [],
            (p) => ctx.view.read(p),
          )),
        );
      const defaults = optionDefaults(file.calls, (o) => passesOption(commandTexts, o));
      for (const call of file.calls) {
        const read = readPath(call, constants, keys, scope);
        if (!read || seen.has(read.path)) continue;
        seen.add(read.path);
        const optional = call.probed === true || call.resuming === true;
        records.push(
          readRecord(file, kaggleLayout, { line: call.line, read, call: call.callee, optional }, scope, defaults),
        );
      }
      // A config a helper of the file loads from its parameter (`load_paths('configs/paths.yaml')`).
      const text = file.notebook ? "" : (ctx.view.read(file.path) ?? "");
      for (const load of /\bdef\s/.test(text) ? configLoads(text) : []) {
        if (seen.has(load.path)) continue;
        seen.add(load.path);
        const read: Read = { path: load.path, kind: "read", folder: false };
        records.push(readRecord(file, kaggleLayout, { line: load.line, read, call: load.call, optional: false }));
      }
      for (const s of file.pathStrings) {
        const slug = kaggleSlugOf(s.value, file.notebook) ?? kaggleInputAbove(s.value, file.path);
        if (
          slug === null ||
          slugs.has(`kaggle-dataset:${slug}`) ||
          [...slugs.values()].some((r) => typeof r.slug === "string" && r.slug.endsWith(slug))
        )
          continue;
        slugs.set(
          `kaggle-dataset:${slug}`,
          recordAt(file, s.line, { kind: "kaggle-dataset", slug, inRepo: false, fetched: false }),
        );
      }
    }
    // A MATLAB script's reads (`readtable('raw/stations.csv')`) are data reads like the code's.
    for (const script of matlab) {
      const seen = new Set<string>();
      for (const x of script.io) {
        if (x.mode !== "read" || seen.has(x.path)) continue;
        seen.add(x.path);
        const read: Read = { path: x.path, kind: "read", folder: false };
        records.push(
          readRecord({ path: script.file, notebook: false }, null, {
            line: x.line,
            read,
            call: x.call,
            optional: false,
          }),
        );
      }
    }
    // The input files a config the commands load names (`train_csv: data/train_clean.csv`), judged as code reads.
    const yamls = ctx.view
      .files()
      .filter((e) => !e.skipped && /\.ya?ml$/i.test(e.path) && scannableConfig(e.path, e.size))
      .map((e) => e.path);
    // A value the code's own reads already stand for (`pd.read_csv(cfg["train_list"])`) is judged there.
    const codeReads = new Set(records.map((r) => r.path));
    for (const config of loadedConfigs(configNamers(ctx.view, ctx.facts.families.readme ?? [], index), yamls)) {
      const seen = new Set<string>();
      for (const input of configInputs(ctx.view.read(config) ?? "")) {
        if (seen.has(input.value) || codeReads.has(input.value)) continue;
        seen.add(input.value);
        const read: Read = { path: input.value, kind: "read", folder: false };
        records.push(
          readRecord({ path: config, notebook: false }, null, {
            line: input.line,
            read,
            call: input.key,
            optional: false,
          }),
        );
      }
    }
    // MATLAB as a tool the pipeline needs, and where the README, a note or a spec names it.
    const stage = matlab.length
      ? matlabStage(
          matlab,
          records,
          new Set(
            (ctx.facts.families.readme ?? []).flatMap((r) =>
              r.kind === "command" && typeof r.script === "string" ? [r.script.replace(/^\.\//, "")] : [],
            ),
          ),
          matlabStatedIn([...readmes, ...notes, ...specTexts(ctx.view)]),
        )
      : null;
    // Where the repo names a source for its data at all: a data or competition link, a download step, a
    // Kaggle source; a sentence that says the data is not included then only says it is not committed.
    const dataFetch = lines.find(
      (l) => FETCHER.test(l.text) && !WEIGHTS_FETCH.test(l.text) && !INSTALLED_TOOL.test(l.text),
    );
    // (A competition found only in a fetch command is located by that command's line.)
    const anySource =
      (sources.competition === "a fetch command" ? null : sources.competition) ??
      (dataFetch ? `${dataFetch.file}:${dataFetch.line}` : null) ??
      sources.datasetDownload ??
      sources.archiveDownload ??
      sources.packageLink ??
      sources.links.find((l) => !modelPageLine(l.by, [...readmes, ...notes]))?.by ??
      [...slugs.values()].map((r) => `${r.file}:${r.line}`)[0] ??
      null;
    const withheld = readmes.flatMap((r) =>
      withheldNotes(r.text).map((n) => ({
        kind: "data-withheld",
        file: r.file,
        line: n.line,
        said: n.said,
        source: anySource,
      })),
    );
    return [
      ...records,
      ...(stage ? [stage] : []),
      ...slugs.values(),
      ...personalLinkRecords(ctx.view, slugs.size > 0),
      ...withheld,
    ];
  },
};

/** The environment's specs (Dockerfiles, conda files, requirements, package lists), which may install Octave. */
function specTexts(view: RepoView): Array<{ file: string; text: string }> {
  return filesWithRole(view, "dockerfile", "conda", "requirements", "text")
    .filter(
      (e) =>
        !e.skipped && e.size <= NOTE_BYTES && (roleOf(e) !== "text" || /(?:^|\/)(?:apt|packages)\.txt$/.test(e.path)),
    )
    .map((e) => ({ file: e.path, text: view.read(e.path) ?? "" }));
}

/** The texts that may name a config to load: the README's commands (from their folder), the shell scripts, and
 * the code's string arguments (`--config` defaults, `OmegaConf.load("configs/a.yaml")`). */
function configNamers(
  view: RepoView,
  readme: readonly FactRecord[],
  index: RepoPythonIndex,
): Array<{ text: string; cwd: string }> {
  const out: Array<{ text: string; cwd: string }> = [];
  for (const r of readme)
    if (r.kind === "command" && typeof r.command === "string")
      out.push({ text: r.command, cwd: typeof r.cwd === "string" ? r.cwd : "" });
  for (const entry of filesWithRole(view, "shell", "makefile"))
    if (!entry.skipped && entry.size <= 1_000_000) out.push({ text: view.read(entry.path) ?? "", cwd: "" });
  for (const file of index.files)
    for (const call of file.calls)
      for (const a of call.args) if (a.path && /\.ya?ml$/i.test(a.path)) out.push({ text: a.path, cwd: "" });
  return out;
}

/** The kagglehub downloads of each Python file or notebook that calls one. */
function hubDownloads(view: RepoView, index: RepoPythonIndex): Map<string, HubDownload[]> {
  const out = new Map<string, HubDownload[]>();
  for (const file of index.files) {
    if (!file.calls.some((c) => /(?:^|\.)(?:dataset|competition|model)_download$/.test(c.callee))) continue;
    const list = kagglehubDownloads(sourceOf(view, file.path)?.text ?? "");
    if (list.length > 0) out.set(file.path, list);
  }
  return out;
}

/** Drive and Dropbox shares in the READMEs, scripts and code, each saying whether a public source (a Kaggle
 * slug, a release asset, a hub) is named anywhere beside them. */
function personalLinkRecords(view: RepoView, kaggle: boolean): FactRecord[] {
  const links: FactRecord[] = [];
  let alternative: string | null = kaggle ? "a Kaggle competition or dataset" : null;
  for (const entry of filesWithRole(view, "readme", "shell", "python")) {
    if (entry.skipped || !(roleOf(entry) !== "shell" || /\.(?:sh|bash)$/.test(entry.path))) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    const at = publicSourceLine(text);
    if (at !== null) alternative ??= `${entry.path}:${at}`;
    for (const l of personalLinks(text))
      links.push({ kind: "personal-link", file: entry.path, line: l.line, host: l.host, url: l.url });
  }
  return links.map((r) => ({ ...r, alternative }));
}

/** The repo's Python modules by folder, for the modules a file names or imports. */
function moduleTree(view: RepoView): ModuleTree {
  const byFolder = new Map<string, string[]>();
  for (const f of view.files()) {
    if (f.skipped || !f.path.endsWith(".py")) continue;
    const folder = f.path.includes("/") ? f.path.slice(0, f.path.lastIndexOf("/")) : "";
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(f.path);
  }
  return { has: (p) => view.has(p), isDir: (p) => view.isDir(p), modules: (folder) => byFolder.get(folder) ?? [] };
}
