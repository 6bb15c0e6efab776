// A README's version list ("torch 0.4.1, pandas, cuDNN 7", "- PyTorch 1.1.0" bullets) as the spec it states
// (pure): each package it names, pinned where it gives a version, bounded below where it gives a minimum
// ("1.4+", ">= 1.4", "1.4 or later", "at least 1.4"); tools and Python itself left out.
import type { FactRecord } from "../../model/facts.js";
import { distributionForName } from "../python/packages.js";

/** Listed, but no distribution pip installs: the interpreter, CUDA and drivers, the OS, the hardware, words. */
const NOT_A_PACKAGE =
  /^(?:python\d*(?:\.\d+)?|py|cuda|cudnn|nccl|cudatoolkit|tensorrt|ubuntu|debian|centos|linux|windows|macos|os|nvidia|driver|gcc|g\+\+|cmake|gpus?|cpus?|ram|memory|tesla|rtx|gtx|v100|a100|p100|t4|docker|conda|anaconda\d*|miniconda\d*|pip|version|v|and|with|using|used|the|step|stage|part|top|rank|place|score|lb|cv|folds?|epochs?|was|is|of|to|in|on|for|at|by|lr|rate|batch|size|seed|dropout|momentum|decay|weight|loss|accuracy|acc|auc|iou|dice|map|f1|threshold|alpha|beta|gamma|resolution|image|img|public|private|mean|std)$/i;

/** Words that make a version a minimum: before it (`>= 1.4`, `at least 1.4`) or after it (`1.4+`, `1.4 or later`). */
const AT_LEAST_AFTER = String.raw`\s*\+|\s+(?:or|and)\s+(?:later|newer|higher|above|up)\b`;
/** One list item: a name, then optionally a version (`torch 0.4.1`, `torch==0.4.1`, `torch: 0.4.1`, `torch v0.4`),
 * exact or a minimum (`torch>=1.4`, `torch at least 1.4`, `torch 1.4+`, `torch 1.4 or later`). */
const ITEM = String.raw`([A-Za-z][\w.+-]*?)(?:\s*(===?|:|>=|≥)\s*v?|\s+(at\s+least\s+)?v?)(\d+(?:\.\d+)*[\w.]*)(${AT_LEAST_AFTER})?|([A-Za-z][\w.+-]*)`;
const WHOLE = new RegExp(String.raw`^\s*(?:${ITEM})\s*$`);
const TRAILING = new RegExp(String.raw`(?:^|\s)(?:${ITEM})\s*$`);
const LEADING = new RegExp(String.raw`^\s*(?:${ITEM})(?=\s|$|[.)!])`);

interface Item {
  written: string;
  name: string;
  version: string | null;
  /** The version is a minimum, not the one release used. */
  atLeast: boolean;
}

function item(m: RegExpExecArray | null, partial: boolean): Item | null {
  if (!m) return null;
  const name = (m[1] ?? m[6])!.replace(/[.-]+$/, "");
  const version = m[4] ?? null;
  // Half of a sentence ("We used torch 0.4.1") names a package only with its version.
  if (partial && !version) return null;
  const atLeast = m[2] === ">=" || m[2] === "≥" || m[3] !== undefined || m[5] !== undefined;
  return { written: m[0].trim(), name, version, atLeast };
}

/** A package item worth a record: not a tool, its version (when given) a dotted release, not a rate or a
 * score (`lr 0.001`, `auc 0.95`: a part after the first with a leading zero is no release number). */
function isPackage(i: Item): boolean {
  if (NOT_A_PACKAGE.test(i.name)) return false;
  if (i.version === null) return true;
  return /^\d+\.\d+/.test(i.version) && !/\.0\d/.test(i.version);
}

function toRecords(file: string, line: number, items: Item[]): FactRecord[] {
  const packages = items.filter(isPackage);
  if (!packages.some((i) => i.version !== null)) return [];
  return packages.map((i) => ({
    kind: "install",
    file,
    line,
    name: distributionForName(i.name),
    spec: i.version ? `${i.atLeast ? ">=" : "=="}${i.version}` : "",
    ...(i.version && !i.atLeast ? { pinned: true } : {}),
    via: "readme-list",
    written: i.written,
  }));
}

/** A sentence's list: items split at commas, semicolons and "and"; the first and last may be cut out of
 * the sentence around them, every other item is a whole item. */
function sentenceList(text: string): Item[] | null {
  const body = text.slice(text.lastIndexOf(":") + 1);
  // "and" joins items, but not in a minimum's "1.4 and later".
  const parts = body.split(/\s*[,;]\s*|\s+and\s+(?!(?:later|newer|higher|above|up)\b)/).filter((p) => p.trim() !== "");
  if (parts.length < 2) return null;
  const items: Item[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const whole = item(WHOLE.exec(part), false);
    const found =
      whole ??
      (k === 0 ? item(TRAILING.exec(part), true) : k === parts.length - 1 ? item(LEADING.exec(part), true) : null);
    if (!found) return null;
    items.push(found);
  }
  return items;
}

/** A line's lists: one per labelled part where `;` separates them ("Main requirements: keras 2.0.8, theano 0.8.2;
 * Other requirements: numpy 1.13.1+, pandas 0.20.3+"), else the line's one list. */
function lineLists(text: string): Item[][] {
  const cleaned = text.replace(/[`*]/g, "").replace(/[.!]\s*$/, "");
  const parts = cleaned.split(/\s*;\s*(?=[^;:,]{1,60}:)/);
  if (parts.length < 2) {
    const items = sentenceList(cleaned);
    return items ? [items] : [];
  }
  return parts.flatMap((part) => {
    const items = sentenceList(part);
    return items ? [items] : [];
  });
}

/** One `name version` pair of a line of them: `pytorch 1.1`, `mmcv==0.2.10`, `pandas: 0.20.1`, `cuda10.0`. */
const PAIR = String.raw`[A-Za-z][\w.+-]*?(?:\s*(?:==?|:)\s*|\s*)v?\d+(?:\.\d+)+[\w.]*`;
const PAIRS_LINE = new RegExp(String.raw`^\s*${PAIR}(?:\s+${PAIR})+\s*$`);
const PAIR_ITEM = /([A-Za-z][\w.+-]*?)(?:\s*(?:==?|:)\s*|\s*)v?(\d+(?:\.\d+)+[\w.]*)(?=\s|$)/g;

/** A heading that introduces the environment: what a line of bare `name version` pairs under it states. */
const ENVIRONMENT_HEADING =
  /environment|requirement|dependenc|prerequisite|install|setup|software|librar|package|version|platform|环境|依赖|版本|配置|安装|软件/i;

/** A line of two or more `name version` pairs and nothing else (`mmdetection 1.0    pytorch 1.1  python 3.7`), read
 * only under an environment heading: elsewhere such a line is as likely models and their scores. */
function pairsList(text: string): Item[] | null {
  if (text.length > 400 || !PAIRS_LINE.test(text)) return null;
  return [...text.matchAll(PAIR_ITEM)].map((m) => ({
    written: m[0].trim(),
    name: m[1]!,
    version: m[2]!,
    atLeast: false,
  }));
}

/** The heading a line is under, by line: Markdown `#` headings, underlined ones (`===`, `---`), and a short line
 * all bold or ending in a colon (`**Environment**`, `环境：`). */
function headingAt(lines: readonly string[], i: number, current: string): string {
  const hash = /^\s{0,3}#{1,6}\s+(.*)$/.exec(lines[i]!);
  if (hash) return hash[1]!;
  if (/^\s*(?:\*\*[^*]{1,60}\*\*\s*[:：]?|[^\d|:：]{1,60}[:：])\s*$/.test(lines[i]!)) return lines[i]!;
  if (/^\s*(?:=+|-+)\s*$/.test(lines[i + 1] ?? "") && lines[i]!.trim() !== "") return lines[i]!;
  return current;
}

export function readmeListRecords(file: string, text: string): FactRecord[] {
  const out: FactRecord[] = [];
  const lines = text.split(/\r?\n/);
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    heading = headingAt(lines, i, heading);
    if (ENVIRONMENT_HEADING.test(heading)) {
      const pairs = pairsList(lines[i]!.replace(/[`*]/g, ""));
      if (pairs) {
        out.push(...toRecords(file, i + 1, pairs));
        continue;
      }
    }
    const bullet = /^\s*[-*+]\s+/;
    if (bullet.test(lines[i]!)) {
      // A bullet block: every bullet a whole item, or it is a list of steps, not of packages.
      let j = i;
      const items: Item[] = [];
      let all = true;
      for (; j < lines.length && bullet.test(lines[j]!); j++) {
        const found =
          lines[j]!.length > 400 ? null : item(WHOLE.exec(lines[j]!.replace(bullet, "").replace(/[`*]/g, "")), false);
        if (found) items.push({ ...found, written: `${found.written}\u0000${j + 1}` });
        else all = false;
      }
      if (all && items.length >= 2) {
        for (const r of toRecords(file, i + 1, items)) {
          const [written, at] = String(r.written).split("\u0000");
          out.push({ ...r, line: Number(at), written: written! });
        }
      } else if (!all) {
        // Bullets that are labelled lists themselves ("- Main requirements: keras 2.0.8, theano 0.8.2").
        for (let k = i; k < j; k++)
          if (lines[k]!.length <= 400 && /:/.test(lines[k]!))
            for (const list of lineLists(lines[k]!.replace(bullet, ""))) out.push(...toRecords(file, k + 1, list));
      }
      i = j - 1;
      continue;
    }
    if (!/[,;]|\sand\s/.test(lines[i]!) || lines[i]!.length > 400) continue;
    for (const items of lineLists(lines[i]!)) out.push(...toRecords(file, i + 1, items));
  }
  return out;
}
