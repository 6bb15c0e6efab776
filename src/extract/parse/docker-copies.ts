// The build-context sources of a Dockerfile's COPY and ADD lines, and whether a build context holds them
// (`.dockerignore` honoured). Pure.

export interface CopySource {
  line: number;
  /** The source as written (`firelib`, `wheels/*.whl`, `./model.pth`). */
  source: string;
  /** COPY, ADD, or `pip install` for a wheel or archive a RUN installs by file name. */
  instruction: "COPY" | "ADD" | "pip install";
}

/** Logical lines (continuations joined, comments dropped), each with its first line number. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buffer = "";
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!buffer) start = i + 1;
    if (!buffer && raw.trim().startsWith("#")) return;
    if (raw.trimEnd().endsWith("\\")) {
      buffer += raw.trimEnd().slice(0, -1) + " ";
      return;
    }
    buffer += raw;
    if (buffer.trim()) out.push({ text: buffer.trim(), line: start });
    buffer = "";
  });
  return out;
}

/** The sources COPY and ADD take from the build context: not another stage's files (`--from=`), not a URL or
 * a git source, not a heredoc, not one built from a variable (its value is the builder's). */
export function copySources(text: string): CopySource[] {
  const out: CopySource[] = [];
  // Files the build itself downloads (wget, curl, git clone, ADD <url>) are not the context's; paths the image
  // already holds: another stage's output (`COPY --from=`) or what a RUN wrote.
  const state: ImageState = { fetched: new Set(), written: new Set(), copiedInto: new Set(), named: new Set() };
  const { fetched, written } = state;
  for (const { text: instruction, line } of logicalLines(text)) {
    if (/^RUN\s/i.test(instruction)) {
      out.push(...installedFiles(instruction, line, state));
      continue;
    }
    const m = /^(COPY|ADD)\s+(.*)$/i.exec(instruction);
    const url = m && m[1]!.toUpperCase() === "ADD" ? /\s(?:https?|ftp):\/\/\S+/i.exec(instruction) : null;
    if (url) fetched.add(baseName(url[0].trim()));
    if (!m || instruction.includes("<<")) continue;
    let rest = m[2]!.trim();
    let fromStage = false;
    for (let flag = /^--([\w-]+)(?:=\S*)?\s+/.exec(rest); flag; flag = /^--([\w-]+)(?:=\S*)?\s+/.exec(rest)) {
      if (flag[1] === "from") fromStage = true;
      rest = rest.slice(flag[0].length);
    }
    if (fromStage) {
      const target = rest.trim().split(/\s+/).pop();
      if (target && !target.includes("$")) written.add(imagePath(target));
    }
    if (fromStage || !rest) continue;
    let words: string[];
    if (rest.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(rest);
        words = Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === "string") : [];
      } catch {
        continue;
      }
    } else words = rest.split(/\s+/);
    const target = words[words.length - 1];
    // A folder or glob of the context copied in: what a later RUN globs there came through this COPY.
    if (target && !target.includes("$") && words.slice(0, -1).some((w) => /[*?]/.test(w) || !/\.\w+$/.test(w)))
      state.copiedInto.add(imagePath(target));
    for (const source of words.slice(0, -1)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith("git@") || source.includes("$")) continue;
      out.push({ line, source, instruction: m[1]!.toUpperCase() as "COPY" | "ADD" });
    }
  }
  return out;
}

const baseName = (p: string) =>
  p
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "")
    .split("/")
    .pop() ?? "";

/** An image path compared as written: `./` and a trailing slash dropped. */
const imagePath = (p: string) => p.replace(/^\.\//, "").replace(/\/+$/, "") || "/";

/** Whether an image path is, or lies beneath, one the build already wrote. */
const isWritten = (path: string, written: ReadonlySet<string>) => {
  const p = imagePath(path);
  return [...written].some((w) => p === w || p.startsWith(w === "/" ? "/" : `${w}/`));
};

/** Options that name the folder (or file) a download or unpacking writes, by program: `kaggle datasets download
 * -p DIR`, `wget -P DIR`, `curl --output-dir DIR`, `unzip -d DIR`, `tar -C DIR`, `pip download -d DIR`,
 * `huggingface-cli download --local-dir DIR`, `gdown -O FILE`. */
const OUTPUT_OPTIONS: Readonly<Record<string, RegExp>> = {
  kaggle: /^(?:-p|--path)(?:=(.+))?$/,
  wget: /^(?:-O|-P|--output-document|--directory-prefix)(?:=(.+))?$/,
  curl: /^(?:-o|--output|--output-dir)(?:=(.+))?$/,
  unzip: /^-d$/,
  tar: /^(?:-C|--directory)(?:=(.+))?$/,
  pip: /^(?:-d|--dest|-w|--wheel-dir)(?:=(.+))?$/,
  pip3: /^(?:-d|--dest|-w|--wheel-dir)(?:=(.+))?$/,
  "huggingface-cli": /^--local-dir(?:=(.+))?$/,
  hf: /^--local-dir(?:=(.+))?$/,
  gdown: /^(?:-O|--output)(?:=(.+))?$/,
};
/** Programs whose last word is where they write: `cp a b DEST`, `gsutil cp gs://x DEST`, `aws s3 sync s3://x DEST`. */
const LAST_IS_TARGET = /^(?:cp|mv|rsync|ln|gsutil|aws|install)$/;

/** The paths one shell command of a RUN writes as given: mkdir's folders, git clone's folder when named, the
 * output folder or file a download or unpacking names, the target of a copy or move. */
function writtenBy(words: string[]): string[] {
  const program = baseName(words[0] ?? "");
  const args = words.slice(1).filter((w) => !w.includes("$"));
  if (program === "mkdir") return args.filter((w) => !w.startsWith("-"));
  if (program === "git" && args[0] === "clone")
    return args
      .slice(1)
      .filter((w) => !w.startsWith("-"))
      .slice(1, 2);
  if (LAST_IS_TARGET.test(program)) {
    const named = args.findIndex((w) => w === "-t" || w === "--target-directory");
    if (named >= 0) return args[named + 1] ? [args[named + 1]!] : [];
    const plain = args.filter((w) => !w.startsWith("-") && !/^(?:cp|mv|rsync|sync|s3)$/.test(w));
    return plain.length >= 2 ? [plain[plain.length - 1]!] : [];
  }
  if (program === "7z" || program === "7za") return args.filter((w) => /^-o\S/.test(w)).map((w) => w.slice(2));
  const option = OUTPUT_OPTIONS[program];
  if (!option) return [];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = option.exec(args[i]!);
    // curl's bare -O saves under the URL's name, in the working folder.
    if (m && !(program === "curl" && args[i] === "-O")) out.push(m[1] ?? args[++i] ?? "");
  }
  return out.filter(Boolean);
}

/** What one shell command of a RUN downloads: wget's and curl's output file (`-O`/`-o` name, else the URL's
 * last segment), git clone's folder. Names only: where a later `pip install` finds them is the build's. */
function fetchedBy(words: string[]): string[] {
  const program = baseName(words[0] ?? "");
  const urls = words.filter((w) => /^(?:https?|ftp|git|ssh):\/\/|^git@/i.test(w));
  if (program === "git" && words[1] === "clone") {
    const rest = words.slice(2).filter((w) => !w.startsWith("-"));
    const dir = rest[1] ?? (rest[0] ? baseName(rest[0]).replace(/\.git$/, "") : "");
    return dir ? [dir] : [];
  }
  if (program !== "wget" && program !== "curl") return [];
  const named: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const out = /^(?:-O|-o|--output-document|--output)(?:=(.+))?$/.exec(w);
    // curl's bare -O (and -LO) saves under the URL's name; wget's -O and curl's -o take a file.
    if (out && !(program === "curl" && w === "-O")) named.push(out[1] ?? words[++i] ?? "");
    else if (/^-o\S+/.test(w) && program === "curl") named.push(w.slice(2));
  }
  return [...named.filter(Boolean).map(baseName), ...urls.map(baseName)];
}

/** The words of one shell command, quotes dropped, from its program on (`sudo` and `VAR=x` before it left out). */
function commandWords(part: string): string[] {
  const words = part
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^["']|["']$/g, ""));
  let at = 0;
  while (words[at] === "sudo" || /^[A-Za-z_]\w*=/.test(words[at] ?? "")) at++;
  return words.slice(at);
}

/** What the image holds so far, as the Dockerfile's lines are read in order. */
interface ImageState {
  /** Names of files a RUN or ADD downloaded. */
  fetched: Set<string>;
  /** Paths another stage's COPY or a RUN wrote. */
  written: Set<string>;
  /** Where a COPY or ADD put a folder or a glob of the context. */
  copiedInto: Set<string>;
  /** Every path an earlier RUN named, modelled or not. */
  named: Set<string>;
}

/** The folder of a path as written, the glob's own segment dropped (`/w/a/*.whl`: /w/a); "" for a bare name. */
const folderOfPath = (path: string) => {
  const p = imagePath(path);
  return p.includes("/") ? p.slice(0, p.lastIndexOf("/")) || "/" : "";
};

/** Whether an earlier RUN named the folder, a folder above it (not the root) or a path below it, in a way the
 * audit does not model (`cd /w && ./fetch.sh`): what the image holds there is then not for it to say. */
const folderNamed = (folder: string, named: ReadonlySet<string>) =>
  folder !== "" &&
  folder !== "/" &&
  [...named].some((n) => n !== "/" && (n === folder || folder.startsWith(`${n}/`) || n.startsWith(`${folder}/`)));

/** Wheels and archives a RUN's `pip install` names by file (`pip install wheels/foo-1.0-py3-none-any.whl`):
 * they must have come from the context, under whatever folder a COPY put them, unless this or an earlier RUN
 * downloaded them (`fetched`, which this RUN's downloads join) or they lie under a path the image already
 * holds (`written`: another stage's `COPY --from=` target, a folder or file a RUN made). A RUN reads the image,
 * not the context: a glob under a folder a COPY filled is that COPY's to answer for, and a folder an earlier
 * RUN named in a way not modelled is not judged. */
function installedFiles(run: string, line: number, state: ImageState): CopySource[] {
  const out: CopySource[] = [];
  const { fetched, written, copiedInto, named } = state;
  for (const part of run.replace(/^RUN\s+(?:--\S+\s+)*/i, "").split(/&&|;|\|\||\|/)) {
    const words = commandWords(part);
    for (const name of fetchedBy(words)) fetched.add(name);
    for (const path of writtenBy(words)) written.add(imagePath(path));
    const installs = /\bpip3?\s+install\b|\bpython3?\s+-m\s+pip\s+install\b/.test(part);
    if (installs)
      for (const word of words) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word) || word.includes("$") || word.startsWith("-")) continue;
        if (!/\.(?:whl|tar\.gz|zip)$/i.test(word)) continue;
        const segments = word.replace(/^\.\//, "").split("/");
        if (fetched.has(baseName(word)) || (segments.length > 1 && fetched.has(segments[0]!))) continue;
        if (isWritten(word, written)) continue;
        if (/[*?[]/.test(word) && isWritten(word, copiedInto)) continue;
        if (folderNamed(folderOfPath(word), named)) continue;
        out.push({ line, source: word, instruction: "pip install" });
      }
    // An install reads what it names; any other command may write there.
    if (!installs)
      for (const word of words.slice(1))
        if (!word.startsWith("-") && !word.includes("$") && word.includes("/") && !/^[a-z][\w+.-]*:\/\//i.test(word))
          named.add(imagePath(word));
  }
  return out;
}

/** Patterns from the repo longer than this, or with more wildcards, are not read: a hostile .dockerignore or
 * COPY line must not make a regular expression that backtracks for minutes. */
const MAX_PATTERN = { length: 256, wildcards: 16 } as const;

/** A Docker path pattern as a regular expression over context-relative paths: `*` and `?` stay in one segment,
 * `**` spans segments; `[` is taken literally (a class from the repo could be no valid expression). Null for a
 * pattern past MAX_PATTERN. */
function patternRegex(raw: string): RegExp | null {
  const pattern = raw.replace(/\*{3,}/g, "**");
  if (pattern.length > MAX_PATTERN.length || (pattern.match(/[*?]/g) ?? []).length > MAX_PATTERN.wildcards) return null;
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      out += ".*";
      i++;
      if (pattern[i + 1] === "/") (i++, (out += "(?:/|)"));
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^$(){}|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

const clean = (p: string) =>
  p
    .replace(/^\.?\/+/, "")
    .replace(/^\.$/, "")
    .replace(/\/+$/, "")
    .replace(/\/\.\//g, "/");

/** Whether `.dockerignore`'s lines leave a context-relative path out (later lines win; `!` takes it back; a
 * folder left out takes what is beneath it). */
export function dockerIgnored(ignore: string | null, path: string): boolean {
  if (!ignore) return false;
  let ignored = false;
  const parts = path.split("/");
  for (const raw of ignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    const re = patternRegex(clean(negate ? line.slice(1) : line));
    if (!re) continue;
    for (let n = 1; n <= parts.length; n++)
      if (re.test(parts.slice(0, n).join("/"))) ((ignored = !negate), (n = parts.length));
  }
  return ignored;
}

/** Whether the context (its files as context-relative paths) holds the source: the file itself, a folder
 * with a file beneath it, or a glob that matches one of them, once `.dockerignore` has taken its part. */
export function contextHolds(files: readonly string[], source: string, ignore: string | null): boolean {
  const wanted = clean(source);
  if (wanted === "") return true;
  const kept = files.filter((f) => !dockerIgnored(ignore, f));
  if (!/[*?[]/.test(wanted)) return kept.some((f) => f === wanted || f.startsWith(`${wanted}/`));
  const re = patternRegex(wanted);
  if (!re) return true; // not read: not said to be missing
  return kept.some((f) => {
    const parts = f.split("/");
    for (let n = 1; n <= parts.length; n++) if (re.test(parts.slice(0, n).join("/"))) return true;
    return false;
  });
}
