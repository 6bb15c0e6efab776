// What a script that fetches and unpacks archives itself makes, where the folder it writes into is a parameter
// only the run fills: a file streamed from a URL (`requests.get(url, stream=True)` into `open(tmp, "wb")`, then
// `tmp.rename(dest)`) is saved under the URL's own file name; an archive the script extracts
// (`ZipFile(p).extractall(d)`, `shutil.unpack_archive(p, d)`) fills a folder named after it. A later step (often
// another subcommand of the same script) reads those. Pure.
import type { Written } from "./produced.js";

/** A download call that hands back the bytes or saves them (requests, httpx, urllib, wget). */
const DOWNLOAD =
  /\b(?:requests|httpx|session|urllib\.request|request)\.(?:get|stream|urlopen|urlretrieve)\(|\burl(?:open|retrieve)\(|\bwget\.download\(/;
/** A write of the fetched bytes to a file (not `.replace(`: a string method far more often than a move). */
const SAVES =
  /\bopen\([^)\n]*["'](?:w|a|x)b\+?["']|\.(?:rename|write_bytes)\(|\burlretrieve\(|\bwget\.download\(|shutil\.copyfileobj\(/;
/** An extraction of an archive's members. */
const EXTRACTS = /\.extractall\(|\bunpack_archive\(/;
/** A quoted name or address ending in an archive's or data file's name. */
const NAMED_FILE =
  /["'](?:[^"'\s]*\/)?([\w][\w.-]*?)\.(zip|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|tar|7z|gz|parquet|csv|npy|npz|pkl|json|h5|feather)["']/g;
const ARCHIVE = /^(?:zip|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|tar|7z)$/;
const URL = /["']https?:\/\/[^"'\s]+["']/;

/** The writes a fetching or unpacking script makes under names its text holds: `*\/<name>` for each address's
 * file it streams to disk, and a folder `*\/<stem>` filled for each archive it names and extracts. */
export function fetchedNames(file: string, text: string): Written[] {
  const lines = text.split("\n");
  const lineOf = (re: RegExp) => lines.findIndex((l) => l.length <= 2000 && re.test(l)) + 1;
  const download = lineOf(DOWNLOAD);
  const saves = download > 0 && lineOf(SAVES) > 0;
  const extract = lineOf(EXTRACTS);
  if (!saves && extract === 0) return [];
  const out: Written[] = [];
  const seen = new Set<string>();
  const add = (w: Written) => {
    const key = `${w.what}:${w.path}`;
    if (!seen.has(key) && out.length < 100) (seen.add(key), out.push(w));
  };
  for (const line of lines) {
    if (line.length > 2000) continue;
    for (const m of line.matchAll(NAMED_FILE)) {
      const [, stem, ext] = m as unknown as [string, string, string];
      // The file a download saves is the address's own name.
      if (saves && URL.test(m[0]))
        add({ path: `*/${stem}.${ext}`, by: `${file}:${download}`, what: "file", fromFile: file });
      // Unknown names inside: the folder named after the archive holds them.
      if (extract > 0 && ARCHIVE.test(ext))
        add({ path: `*/${stem}`, by: `${file}:${extract}`, what: "filled", fromFile: file, named: true });
    }
  }
  return out;
}
