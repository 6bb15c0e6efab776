// Where the README says the data comes from and where it goes: the folders it tells a reader to fill
// ("place the downloaded files in the `input` folder", `unzip -d data/raw`), the Kaggle competitions
// and datasets it names, and a linked data package (a Dropbox or Drive archive). Pure.
import { inside, locate, type Located } from "./located.js";
import { GENERIC_FOLDERS, kaggleSlugOf } from "../../python/path-kinds.js";
import { FETCHER, slugMatches } from "./fetch-commands.js";
import { isIntermediate, namedIn } from "./intermediate.js";
import { namedSetOf, namedSetsOf, type NamedSet } from "./named-sets.js";

export interface ReadmeText {
  file: string;
  text: string;
}

export interface DataSources {
  /** Folders the README tells a reader to put data in, from the root, with the line that says so. */
  folders: Array<{ at: Located; by: string }>;
  /** Absolute folders the README downloads or extracts data into ("download the competition data to
   * /mnt/x/data"), with the line that says so: the code's machine paths under them are that data. */
  machineFolders: Array<{ folder: string; by: string }>;
  /** Kaggle competition and dataset slugs named anywhere in the READMEs or fetch commands (lower case). */
  slugs: Set<string>;
  /** The READMEs' text, lower case, for a slug or file name they mention. */
  text: string;
  /** A link to a data archive (Dropbox, Drive, Zenodo ...) the README offers, "file:line"; null when none. */
  packageLink: string | null;
  /** Where the README names the Kaggle competition ("file:line"), or a fetch command downloads it; null when neither. */
  competition: string | null;
  /** Entries of the directory trees the READMEs draw (`├── Radiology manual annotations.xlsx`), lower case, with their line. */
  treeEntries: Map<string, string>;
  /** The READMEs or fetch commands name where the data comes from at all: a link, a Kaggle slug, a download command.
   * A tree that only shows where files go documents nothing without one. */
  named: boolean;
  /** Data links (Kaggle, Hugging Face, an archive host) in the READMEs and the repo's other notes
   * (`data/download.txt`), each with the words of its path: a read named like one is that link's data. */
  links: Array<{ words: Set<string>; by: string }>;
  /** Files a README lists with their origin (`Input/x/test.csv.zip : original kaggle test data`), lower case, with their line. */
  listed: Map<string, string>;
  /** A Kaggle dataset the README downloads or extracts the data from, "file:line"; null when none. */
  datasetDownload: string | null;
  /** A data archive the README tells a reader to download by its address, "file:line"; null when none. */
  archiveDownload: string | null;
  /** Files a README asks the reader to make by hand ("create a test_label.csv file with a target field"), by
   * base name, lower case, with their line. */
  handMade: Map<string, string>;
  /** Bare file names a README lists in a fenced block right after a sentence that places data ("put the files
   * into ./raw_data/x/:" then `event_info.json`), lower case, with the sentence's line. */
  placedNames: Map<string, string>;
  /** Data sets the READMEs list by name with a link (`[Products-10K](https://...)`), for folders under a data folder. */
  namedSets: NamedSet[];
}

const KAGGLE_DATASET = /kaggle\.com\/datasets\/[\w-]+\/[\w-]+/i;
/** The address of an archive itself, which a reader downloads and extracts. */
export const ARCHIVE_URL = /https?:\/\/[^\s)>\]"'`]+\.(?:zip|tar|tgz|tar\.gz|tar\.xz|7z|rar)(?=[\s)>\]"'`.,;:]|$)/i;
/** A verb that brings data from its source, for an absolute folder (not "save" or "copy": those name no source). */
const DOWNLOAD_INTO = /\b(?:download|extract|unzip|untar|unpack)\w*\b/i;
/** An absolute folder in a sentence: `/mnt/x/data`, /data/comp/ (two segments at least). */
const MACHINE_FOLDER = /(?:^|[\s`'"(])(\/[\w.-]+(?:\/[\w.-]+)+)\/?(?=[\s`'".,;:)]|$)/g;
const PLACE = /\b(?:put|place|add|copy|download|extract|unzip|untar|store|save|move|mount|symlink|link)\w*\b/i;
const INTO = /\b(?:in|into|to|under|at|inside|within)\b/i;
const PACKAGE_HOST =
  /https?:\/\/(?:www\.)?(?:dropbox\.com|drive\.google\.com|docs\.google\.com|zenodo\.org|figshare\.com|mega\.nz|onedrive\.live\.com|1drv\.ms|[\w.-]*amazonaws\.com|storage\.googleapis\.com|pan\.baidu\.com|huggingface\.co\/datasets)\S*/i;
const KAGGLE_LINK = /kaggle\.com\/(?:c\/|competitions\/)([\w-]+)|kaggle\.com\/(?:datasets\/)?([\w-]+\/[\w-]+)/gi;
/** A competition's page on any host (`tianchi.aliyun.com/competition/entrance/531`, `drivendata.org/competitions/
 * 44/x/`, `aicrowd.com/challenges/x`, a challenge's own `x.grand-challenge.org`): it names where its data comes from.
 * (A code host's `challenges/` folder is a repo's.) */
const COMPETITION_PAGE =
  /https?:\/\/(?!(?:www\.)?git(?:hub|lab)\.com)[\w.-]+\.[a-z]{2,}(?::\d+)?\/(?:[^\s)>\]"'`]*\/)?(?:c|competitions?|challenges?)\/[\w-]+[^\s)>\]"'`]*|https?:\/\/[\w-]+\.grand-challenge\.org[^\s)>\]"'`]*/i;
/** A link to where data lives: a Kaggle page, a Hugging Face repo, or an archive host. */
const DATA_LINK = new RegExp(
  `https?:\\/\\/(?:www\\.)?(?:kaggle\\.com|huggingface\\.co)\\/[^\\s)>\\]"'\`]+|${PACKAGE_HOST.source}|${COMPETITION_PAGE.source}`,
  "gi",
);
/** A list entry naming a file and what it is: `Input/x/test.csv.zip : original kaggle test data`. */
const LISTED =
  /^\s*(?:[-*+]\s+)?`?((?:\.\/)?[\w.-]+(?:\/[\w.{}-]+)+\.[a-z0-9]{1,5}(?:\.(?:zip|gz|bz2|xz|7z))?)`?\s*(?::|-|–|—)\s*(.+)$/i;
/** A sentence asking the reader to make a file: "create a test_label.csv file", "make `folds.json` with ...". */
// Asked of the reader (a sentence's first word, or after "please", "manually", "you need to"), not a step's
// doing ("this will create a oof.csv").
const HAND_MADE =
  /(?:^|[.!:;,]\s+|^\s*(?:[-*+]|\d+\.)\s+|\b(?:please|manually|first|then|need\s+to|have\s+to|must|should)\s+)(?:create|make|prepare|write)\s+(?:an?\s+|the\s+|your\s+own\s+)?`?([\w.-]{1,80}\.(?:csv|tsv|json|txt|ya?ml|xlsx?))`?(?=[\s`.,;:)]|$)/gi;
/** A fenced block's line that is one bare file name (`event_info.json`). */
const BARE_NAME = /^\s*(?:[-*+]\s+)?([^\s/\\`'"*]{1,120}\.[A-Za-z0-9]{1,5})\s*$/;
/** The description of a listed file says where it comes from: a link, Kaggle or the competition, "original ... data". */
const ORIGIN = /https?:\/\/|\bkaggle\b|\bcompetition\b|\boriginal\b/i;
/** A heading about the data: a folder listed bare beneath it, beside a link, is where that source's files go. */
const DATA_HEADING = /^\s{0,3}#{1,6}\s*(.*\b(?:data(?:set)?s?|competition|inputs?)\b.*)$/i;
const HEADING = /^\s{0,3}#{1,6}\s/;
const LINK = /https?:\/\/[^\s)>\]]+/i;
/** A line that is only a path: `data/raw/`, "- `input/train.csv`". */
const BARE_PATH = /^\s*(?:[-*+]\s+)?`?((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\/?)`?\s*$/;
/** A folder-like word: in backticks, ending in a slash, or before "folder"/"directory", quoted ("'data' directory") or not. */
const FOLDER_WORDS =
  /`([^`\s]+)`|(?:^|\s)((?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\/)(?=[\s.,;:)]|$)|\b([\w.-]+)\s+(?:sub)?(?:folder|directory|dir)\b|(?:^|\s)(\.{1,2}\/[\w-]+(?:[./][\w-]+)*)(?=[\s.,;:)]|$)|['"]((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*)\/?['"]\s+(?:sub)?(?:folder|directory|dir)\b/gi;

export function dataSources(
  readmes: readonly ReadmeText[],
  fetchTexts: readonly string[],
  fetchFolders: ReadonlyArray<{ path: string; by: string }>,
  notes: readonly ReadmeText[] = [],
): DataSources {
  const folders: DataSources["folders"] = [];
  const machineFolders: DataSources["machineFolders"] = [];
  const slugs = new Set<string>();
  let packageLink: string | null = null;
  let competition: string | null = null;
  const treeEntries = new Map<string, string>();
  const links: DataSources["links"] = [];
  const listed = new Map<string, string>();
  let datasetDownload: string | null = null;
  let archiveDownload: string | null = null;
  const handMade = new Map<string, string>();
  const placedNames = new Map<string, string>();
  const namedSets: NamedSet[] = [];
  let named = fetchTexts.some((t) => FETCHER.test(t));
  // A note beside the data (`data/download.txt`) names its source as a README would: its links count.
  for (const { file, text } of notes)
    text.split(/\r?\n/).forEach((raw, i) => {
      const by = `${file}:${i + 1}`;
      for (const m of raw.matchAll(DATA_LINK)) {
        links.push({ words: linkWords(m[0]), by });
        named = true;
      }
      for (const m of raw.matchAll(KAGGLE_LINK)) if (m[1]) competition ??= by;
    });
  for (const { file, text } of readmes) {
    const lines = text.split(/\r?\n/);
    if (LINK.test(text)) named = true;
    folders.push(...dataSectionFolders(file, lines));
    for (const [name, by] of fencedNames(file, lines)) placedNames.set(name, by);
    lines.forEach((raw, i) => {
      const by = `${file}:${i + 1}`;
      namedSets.push(...namedSetsOf(raw, by));
      const entry = /(?:[├└]──|\|--|\+--|`--)\s*([^#\s][^#]*?)\s*(?:#.*)?$/.exec(raw);
      if (entry) treeEntries.set(entry[1]!.replace(/\/+$/, "").toLowerCase(), by);
      for (const m of raw.matchAll(KAGGLE_LINK)) {
        slugs.add((m[1] ?? m[2]!.slice(m[2]!.indexOf("/") + 1)).toLowerCase());
        if (m[1]) competition ??= by;
      }
      if (competition === null && COMPETITION_PAGE.test(raw)) competition = by;
      if (packageLink === null && PACKAGE_HOST.test(raw)) packageLink = by;
      for (const m of raw.matchAll(DATA_LINK)) links.push({ words: linkWords(m[0]), by });
      const entry2 = LISTED.exec(raw);
      if (entry2 && ORIGIN.test(entry2[2]!)) listed.set(entry2[1]!.replace(/^\.\//, "").toLowerCase(), by);
      for (const m of raw.length > 2000 ? [] : raw.matchAll(HAND_MADE)) handMade.set(m[1]!.toLowerCase(), by);
      if (datasetDownload === null && DOWNLOAD_INTO.test(raw) && KAGGLE_DATASET.test(raw)) datasetDownload = by;
      // A data archive's own address (`download and unzip .../products.zip`).
      if (archiveDownload === null && DOWNLOAD_INTO.test(raw) && ARCHIVE_URL.test(raw)) archiveDownload = by;
      // A sentence that places data somewhere: its folder-like words after the verb are data folders.
      for (const sentence of raw.split(/(?<=[.;!?])\s+/)) {
        // A sentence that places data is short; a long run of words would cost the folder search quadratic time.
        const verb = sentence.length > 400 ? null : PLACE.exec(sentence);
        if (!verb || !INTO.test(sentence.slice(verb.index))) continue;
        const download = sentence.length > 400 ? null : DOWNLOAD_INTO.exec(sentence);
        if (download)
          for (const m of sentence.slice(download.index).matchAll(MACHINE_FOLDER))
            if (!/\.[a-z0-9]{1,5}$/i.test(m[1]!)) machineFolders.push({ folder: m[1]!, by });
        for (const m of sentence.slice(verb.index).matchAll(FOLDER_WORDS)) {
          const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "").replace(/^\.\//, "");
          if (!isFolderWord(word)) continue;
          for (const at of locate(word, file)) if (at.anchored) folders.push({ at, by });
        }
      }
    });
  }
  for (const text of fetchTexts) {
    if (/kaggle\s+competitions\s+download|competition_download_files?\(/.test(text)) competition ??= "a fetch command";
    for (const m of text.matchAll(/(?:-c|--competition|-d|--dataset)[\s=]+["']?([\w-]+(?:\/[\w.${}-]+)?)/g))
      slugs.add(m[1]!.slice(m[1]!.indexOf("/") + 1).toLowerCase());
  }
  for (const f of fetchFolders) for (const at of locate(f.path, "")) if (at.anchored) folders.push({ at, by: f.by });
  named ||= slugs.size > 0 || competition !== null;
  return {
    folders,
    machineFolders,
    slugs,
    text: readmes
      .map((r) => r.text)
      .join("\n")
      .toLowerCase(),
    packageLink,
    competition,
    treeEntries,
    named,
    links,
    listed,
    datasetDownload,
    archiveDownload,
    handMade,
    placedNames,
    namedSets,
  };
}

/** The words of a link's path (`kaggle.com/datasets/u/llm-preference-ultrafeedback` gives u, llm, preference, ultrafeedback). */
function linkWords(link: string): Set<string> {
  const path = link.replace(/^https?:\/\/[^/]+/i, "").toLowerCase();
  return new Set(path.split(/[^a-z0-9]+/).filter((w) => w !== ""));
}

/** Words that name a file's role in any data set, not which data set: they match every link. */
const ROLE_WORDS = new Set(
  "train test val valid validation sample submission data dataset datasets input output raw processed csv json parquet zip pkl npy".split(
    " ",
  ),
);

/** The link whose words hold every word of the read's folder or file name (`input/lmsys-33k/x.csv` and
 * `.../33k-lmsys-chatbot-arena-conversations`), "file:line"; null when none. A name of role words alone matches none. */
function linkNaming(links: DataSources["links"], path: string): string | null {
  const segments = path
    .toLowerCase()
    .split("/")
    .filter((s) => s && !s.includes("*") && s !== ".." && s !== "." && !GENERIC_FOLDERS.has(s))
    .slice(-2)
    .map((s) =>
      s
        .replace(/(?:\.[a-z0-9]{1,5})+$/, "")
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== ""),
    );
  for (const words of segments) {
    // A submission is a pipeline's output; one short word (a model's name, `roberta`) is in too many links.
    const own = words.filter((w) => !ROLE_WORDS.has(w) && !/^\d+$/.test(w));
    if (words.includes("submission") || own.join("").length < 8) continue;
    const hit = links.find((l) => words.every((w) => l.words.has(w) || ROLE_WORDS.has(w)));
    if (hit) return hit.by;
  }
  return null;
}

/** Folders listed bare under a heading about the data whose section links the data's page: a file's folder,
 * or the folder itself. */
function dataSectionFolders(file: string, lines: readonly string[]): DataSources["folders"] {
  const out: DataSources["folders"] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!DATA_HEADING.test(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && !HEADING.test(lines[end]!)) end++;
    const section = lines.slice(i + 1, end);
    if (section.some((l) => LINK.test(l))) {
      section.forEach((l, k) => {
        const word = BARE_PATH.exec(l)?.[1]?.replace(/^\.\//, "");
        if (!word || (!word.includes("/") && !l.includes("`"))) return;
        const folder = isFolderWord(word) ? word : word.includes("/") ? word.slice(0, word.lastIndexOf("/")) : "";
        if (folder === "") return;
        for (const at of locate(folder, file)) if (at.anchored) out.push({ at, by: `${file}:${i + 2 + k}` });
      });
    }
    i = end - 1;
  }
  return out;
}

/** The bare names of a fenced block that follows a sentence placing data somewhere, each with that sentence's line. */
function fencedNames(file: string, lines: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const raw = lines[i]!;
    const verb = raw.length > 400 ? null : PLACE.exec(raw);
    if (!verb || !INTO.test(raw.slice(verb.index))) continue;
    let k = i + 1;
    while (k < lines.length && lines[k]!.trim() === "") k++;
    if (!/^\s*(?:```|~~~)/.test(lines[k] ?? "")) continue;
    for (k++; k < lines.length && !/^\s*(?:```|~~~)/.test(lines[k]!); k++) {
      const name = BARE_NAME.exec(lines[k]!)?.[1];
      if (name) out.push([name.toLowerCase(), `${file}:${i + 1}`]);
    }
  }
  return out;
}

/** Words that stand before "folder" without naming one ("in the folder", "your directory"). */
const NOT_A_FOLDER = new Set(
  "in into to the a an this that your our same its their each working current root parent sub".split(" "),
);

function isFolderWord(word: string): boolean {
  if (
    word === "" ||
    NOT_A_FOLDER.has(word.toLowerCase()) ||
    word.length > 120 ||
    /^[a-z]+:\/\//i.test(word) ||
    word.startsWith("/") ||
    word.startsWith("~") ||
    word.startsWith("-")
  )
    return false;
  const base = word.replace(/\/+$/, "").slice(word.replace(/\/+$/, "").lastIndexOf("/") + 1);
  // A file (x.zip, train.csv) names what is placed, not where.
  return base !== "" && !/\.[a-z0-9]{1,5}$/i.test(base) && !/[*?<>{}$]/.test(word);
}

/** Where the README documents this read's data, "file:line", or null. Kaggle-layout paths need their
 * competition or dataset named; other relative paths need to land in a folder the README fills, or in
 * the repo at all when the README links a data package. Absolute paths are never documented here. */
export function documentedBy(sources: DataSources, path: string, fromFile: string, notebook: boolean): string | null {
  // ../input/<slug>/ is Kaggle's layout when the slug is one the repo names, in a script too.
  const slug = kaggleSlugOf(path, true);
  if (slug !== null) {
    const s = slug.toLowerCase();
    if ([...sources.slugs].some((p) => slugMatches(p, s)) || sources.text.includes(s)) return "README";
    if (notebook || path.startsWith("/kaggle/")) return null;
  }
  // A file a README lists with its origin (`Input/x/test.csv.zip : original kaggle test data`).
  const bare = path.replace(/^\.\//, "").toLowerCase();
  const base = bare.slice(bare.lastIndexOf("/") + 1);
  const listed = sources.listed.get(bare) ?? sources.handMade.get(base) ?? sources.placedNames.get(base);
  if (listed) return listed;
  // A folder or file named like a data link's data set (`input/ultrafeedback.parquet`, a link to `.../x-ultrafeedback`).
  const linked = isIntermediate(path) ? null : linkNaming(sources.links, path);
  if (linked) return linked;
  // A file or folder the README's directory tree shows where to put (`├── cmmd`), however the code reaches it;
  // not a pickle the pipeline makes for itself under a folder named like one of the raw data's.
  const known =
    sources.named && !(isIntermediate(path) && !namedIn(sources.text, path))
      ? path
          .replace(/\\/g, "/")
          .split("/")
          .filter((s) => s && !s.includes("*") && s !== ".." && s !== ".")
      : [];
  for (const seg of known.slice(-3).reverse()) {
    const by = sources.treeEntries.get(seg.toLowerCase());
    if (by && !GENERIC_FOLDERS.has(seg.toLowerCase()) && seg.length > 3) return by;
  }
  // A machine path (`/home/selim/data/images_all`) under a README that links the data package: the data has
  // a source; where the code looks for it is paths-portable's finding, not a second one here.
  if (/^(?:\/|~|[A-Za-z]:[\\/])/.test(path)) {
    // Under the folder the README downloads the data into: that download's files, not the pipeline's own.
    const under = sources.machineFolders.find((f) => path.startsWith(`${f.folder}/`));
    if (under && !(isIntermediate(path) && !namedIn(sources.text, path))) return under.by;
    return sources.packageLink && !path.startsWith("/kaggle/") ? sources.packageLink : null;
  }
  const reads = locate(path, fromFile);
  // A folder filled with downloaded data holds what the download gives, not the pipeline's own artefacts.
  const ownArtefact = isIntermediate(path) && !namedIn(sources.text, path);
  for (const f of ownArtefact ? [] : sources.folders)
    for (const r of reads) if (r.anchored && inside(r, f.at)) return f.by;
  if (sources.packageLink && reads.some((r) => r.anchored)) return sources.packageLink;
  // A folder under the README's data folder named like a data set it lists with a link (`data/hm/` for "[H&M ...](...)").
  if (!ownArtefact) return namedSetOf(sources.namedSets, sources.folders, reads);
  return null;
}
