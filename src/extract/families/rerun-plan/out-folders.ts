// The folder a planned write needs that nothing makes: git keeps no empty folder, so `open("preds/a.txt", "w")`,
// `torch.save(m, "result/m.pth")` or `basicConfig(filename="logs/x.log")` fail on a fresh clone (cv2.imwrite
// writes nothing) unless the repo ships the folder or something on the plan makes it first. Pure.

/** A write on the plan, its path resolved from its step's working folder. */
export interface PlannedWrite {
  step: number;
  file: string;
  line: number;
  /** Resolved from the step's folder. */
  path: string;
  /** As the code spells it. */
  written: string;
  call: string;
  /** The call fills a folder it is given (`output_dir=`, `dirpath=`). */
  folder?: boolean;
}

export interface FolderScene {
  /** Every write on the plan (Python's), and the folders the steps' shell lines write or make (`mkdir -p`,
   * `unzip -d`, `git clone`), each with its step. */
  writes: readonly PlannedWrite[];
  shellWrites: ReadonlyArray<{ step: number; path: string }>;
  /** Paths the plan reads that it does not write itself: an input folder the user fills is there at run time. */
  inputs: readonly string[];
  /** The reached code files, each with its step, its working folder and its text (a notebook's flattened). */
  files: ReadonlyArray<{ file: string; step: number; cwd: string; text: string }>;
  /** The text of the READMEs the steps come from: the folders they tell a reader to put files in. */
  readmes: readonly string[];
  isDir: (path: string) => boolean;
  /** A path as the step's folder makes it. */
  resolve: (cwd: string, path: string) => string;
}

/** Writers that fail (or, as cv2.imwrite, write nothing) when the folder is missing; any other writer may make
 * its folder (Hugging Face's save_pretrained, Keras, Lightning, SummaryWriter) and is counted as making it. */
const NEEDS_FOLDER =
  /^(?:open|File|to_(?:csv|pickle|parquet|feather|json|hdf|excel|netcdf)|savefig|imwrite|imsave|write_text|write_bytes|savez(?:_compressed)?|savetxt|savemat|save_image|copyfile|copy2|basicConfig|FileHandler|urlretrieve)$/;
const NEEDS_FOLDER_CALLEE = /^(?:(?:torch|np|numpy|paddle|joblib)\.(?:save|dump)|shutil\.copy|joblib\.dump)$/;

export function needsFolder(call: string): boolean {
  return NEEDS_FOLDER_CALLEE.test(call) || NEEDS_FOLDER.test(call.slice(call.lastIndexOf(".") + 1));
}

/** A line that makes folders: os.makedirs, Path(...).mkdir, `mkdir -p` handed to a shell, a helper so named. */
const MAKES = /mkdir|makedirs|make_?dirs?\b|ensure_?dirs?\b|create_?(?:dirs?|folders?)\b/i;
/** Names on a making line that say nothing about which folder it makes. */
const PLAIN_NAMES = new Set(
  "os path os.path os.makedirs os.mkdir os.path.join os.path.dirname os.path.abspath Path pathlib pathlib.Path exist_ok parents True False mkdir makedirs dirname join parent str exists if not self args cfg config opt opts".split(
    " ",
  ),
);

const trim = (path: string) => path.replace(/\/+$/, "");

/** A sentence that has the reader put files somewhere ("put the data into `data/`", "download them to input/"). */
const PLACE = /\b(?:put|place|copy|download|extract|unzip|untar|move|mount)\w*\b.*\b(?:in|into|to|under|inside)\b/i;

/** The folders the READMEs tell a reader to fill: the reader makes them. */
function placedFolders(readmes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of readmes)
    for (const line of text.split("\n")) {
      if (line.length > 400 || !PLACE.test(line)) continue;
      for (const m of line.matchAll(/`([^`\s]+)`|(?:^|\s)((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\/)(?=[\s.,;:)]|$)/g))
        out.add(trim((m[1] ?? m[2]!).replace(/^\.\//, "")));
    }
  return out;
}

const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
/** `a` is `b` or lies under it. */
const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`);

/** The folder each write needs and nothing makes, by the write's index in scene.writes. */
export function unmadeFolders(scene: FolderScene): Map<number, string> {
  // Folders made, with the step that makes them: a maker's folder and every folder above it.
  // A folder filled by a copy, an unpack or a download (`cp -r data/a out/`, extractall) may hold any folder below it.
  const made: Array<{ step: number; path: string; fills?: boolean }> = [];
  for (const w of scene.writes) {
    if (/(?:^|\.)(?:mkdir|makedirs)$/.test(w.call)) made.push({ step: w.step, path: trim(w.path) });
    else if (w.folder || /(?:^|\.)(?:extractall|copytree|unpack_archive)$/.test(w.call))
      made.push({ step: w.step, path: trim(w.path), fills: true });
    else if (!needsFolder(w.call)) made.push({ step: w.step, path: dirOf(w.path) }, { step: w.step, path: w.path });
  }
  for (const s of scene.shellWrites) made.push({ step: s.step, path: trim(s.path), fills: true });
  // Making lines whose folder the index could not spell: their string literals, and the names they use.
  const namesOf = new Map<string, Set<string>>();
  for (const f of scene.files) {
    const lines = f.text.split("\n");
    for (const line of lines) {
      if (!MAKES.test(line)) continue;
      for (const m of line.matchAll(/(['"])([^'"\s{}]+?)\1/g))
        made.push({ step: f.step, path: trim(scene.resolve(f.cwd, m[2]!)) });
      const names = namesOf.get(f.file) ?? namesOf.set(f.file, new Set()).get(f.file)!;
      for (const m of line.replace(/(['"]).*?\1/g, "").matchAll(/[A-Za-z_][\w.]*/g))
        if (!PLAIN_NAMES.has(m[0]) && !/^(?:os|pathlib|shutil)\./.test(m[0])) names.add(m[0]);
    }
  }
  const placed = [...placedFolders(scene.readmes)].filter((p) => p !== "" && !p.includes("*"));
  const textOf = new Map(scene.files.map((f) => [f.file, f.text.split("\n")]));
  const out = new Map<number, string>();
  scene.writes.forEach((w, i) => {
    if (!needsFolder(w.call) || w.folder) return;
    const folder = dirOf(w.path);
    // Only a relative folder the audit can spell, inside the repo (above it is paths-outputs-inside-repo's).
    if (folder === "" || /[*$~{}]|^\.\.?(?:\/|$)|^[A-Za-z]:|^\//.test(folder)) return;
    if (scene.isDir(folder)) return;
    const makes = (m: (typeof made)[number]) => within(m.path, folder) || (m.fills === true && within(folder, m.path));
    if (made.some((m) => m.step <= w.step && m.path !== "" && makes(m))) return;
    if (scene.inputs.some((p) => within(p, folder))) return;
    // A folder the README has the reader fill (spelt as the code spells it: the README's folder is the run's).
    const spelt = trim(dirOf(w.written).replace(/^\.\//, ""));
    if (placed.some((p) => within(folder, p) || (spelt !== "" && within(spelt, p)))) return;
    // A making line in the same file that uses a name the write's call uses too (`RESULT_DIR`, `save_path`).
    const names = namesOf.get(w.file);
    const lines = textOf.get(w.file);
    if (names && lines) {
      const call = withAssignments(lines, w.line);
      if ([...names].some((n) => new RegExp(`(?<![\\w.])${n.replace(/\./g, "\\.")}(?![\\w])`).test(call))) return;
    }
    out.set(i, folder);
  });
  return out;
}

/** The write's call (its line and the three after, for a call split over lines) with the nearest assignment above
 * it of each name the call uses (`PATH = osp.join(CFG["out"], ...)` then `torch.save(m, PATH)`): the names of the
 * path it writes. */
function withAssignments(lines: readonly string[], line: number): string {
  const call = lines.slice(line - 1, line + 3).join("\n");
  const found: string[] = [call];
  for (const [name] of call.replace(/(['"]).*?\1/g, "").matchAll(/\b[A-Za-z_]\w*\b/g)) {
    const assigned = new RegExp(`^\\s*${name}\\s*=(?!=)`);
    for (let i = line - 2; i >= Math.max(0, line - 31); i--)
      if (assigned.test(lines[i]!)) {
        found.push(lines[i]!);
        break;
      }
  }
  return found.join("\n");
}
