// The package index read at the edge: its project list (read as a stream of names, so a list as large as
// PyPI's loads without its whole text held) and one project's versions and files, from the simple API (PEP 691
// JSON, else the HTML page).
import { normalizeName } from "./unresolvable-cause.js";

/** The project list's own cap: a public index's root page runs to tens of MB; past this it is not read and the
 * closest names are left out. */
export const MAX_PROJECT_LIST_BYTES = 128 * 1024 * 1024;
const MAX_PROJECT_PAGE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
/** The list is one long page: more time than a project's page. */
const LIST_TIMEOUT_MS = 120_000;
const ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1";

/** A GET's body, opened: whether it is PEP 691 JSON, and its chunks, which throw once they grow past `maxBytes`;
 * null when the answer is not ok or says it is past the cap. Fetch errors and time-outs throw. */
async function openCapped(
  url: string,
  maxBytes: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ json: boolean; chunks: AsyncIterable<Uint8Array> } | null> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, {
    headers: { accept: ACCEPT },
    redirect: "follow",
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  if (!response.ok || !response.body) return null;
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body.cancel();
    return null;
  }
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  // content-length may be absent or false: the bytes themselves are counted.
  async function* capped(): AsyncGenerator<Uint8Array> {
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) throw new Error(`${url}: past ${maxBytes} bytes`);
      yield chunk;
    }
  }
  return { json: /json/.test(response.headers.get("content-type") ?? ""), chunks: capped() };
}

/** The body of a GET, or null when it fails, times out or grows past `maxBytes`. */
async function getCapped(
  url: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ text: string; json: boolean } | null> {
  try {
    const opened = await openCapped(url, maxBytes, TIMEOUT_MS, signal);
    if (!opened) return null;
    const chunks: Uint8Array[] = [];
    for await (const chunk of opened.chunks) chunks.push(chunk);
    return { text: Buffer.concat(chunks).toString("utf8"), json: opened.json };
  } catch {
    return null;
  }
}

/** A project's name in the list: PEP 691's `"name": "x"` entries, or the HTML page's link texts. */
const JSON_NAME = /"name"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const HTML_NAME = /<a\b[^>]*>([^<]+)<\/a>/gi;
/** Text past the last whole name kept for the next chunk; more than this with no name in it is no list. */
const MAX_CARRY_CHARS = 64 * 1024;

/** The index's project names, read from the stream as they arrive; null when the list is missing, is past its cap
 * or holds no names. */
export async function indexProjects(indexUrl: string, signal?: AbortSignal): Promise<string[] | null> {
  try {
    const opened = await openCapped(
      `${indexUrl.replace(/\/+$/, "")}/`,
      MAX_PROJECT_LIST_BYTES,
      LIST_TIMEOUT_MS,
      signal,
    );
    if (!opened) return null;
    const { json } = opened;
    const pattern = json ? JSON_NAME : HTML_NAME;
    const names: string[] = [];
    const decoder = new TextDecoder();
    let carry = "";
    const take = (text: string, last: boolean) => {
      pattern.lastIndex = 0;
      let end = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        names.push(json ? (JSON.parse(`"${m[1]!}"`) as string) : m[1]!.trim());
        end = pattern.lastIndex;
      }
      carry = last ? "" : text.slice(end);
      return carry.length <= MAX_CARRY_CHARS;
    };
    for await (const chunk of opened.chunks) {
      if (!take(carry + decoder.decode(chunk, { stream: true }), false)) return null;
    }
    take(carry + decoder.decode(), true);
    return names.length > 0 ? names : null;
  } catch {
    return null;
  }
}

/** One file of a release: its name and the Requires-Python the index gives for it (PEP 503's data-requires-python). */
export interface ReleaseFile {
  filename: string;
  requiresPython?: string;
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** One project's page: its versions (PEP 700's list, when given) and its files, or null. */
async function projectPage(
  indexUrl: string,
  name: string,
  signal?: AbortSignal,
): Promise<{ normal: string; versions: string[] | null; files: ReleaseFile[] } | null> {
  const normal = normalizeName(name);
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(normal)) return null;
  const page = await getCapped(`${indexUrl.replace(/\/+$/, "")}/${normal}/`, MAX_PROJECT_PAGE_BYTES, signal);
  if (!page) return null;
  if (!page.json)
    return {
      normal,
      versions: null,
      files: [...page.text.matchAll(/<a\b([^>]*)>([^<]+)<\/a>/gi)].map((m) => {
        const requires = /\bdata-requires-python\s*=\s*"([^"]*)"/i.exec(m[1]!);
        return { filename: m[2]!.trim(), ...(requires?.[1] ? { requiresPython: unescapeHtml(requires[1]) } : {}) };
      }),
    };
  try {
    const body = JSON.parse(page.text) as {
      versions?: unknown;
      files?: Array<{ filename?: unknown; "requires-python"?: unknown }>;
    };
    return {
      normal,
      versions: Array.isArray(body.versions) ? body.versions.filter((v): v is string => typeof v === "string") : null,
      files: (body.files ?? []).flatMap((f) =>
        typeof f.filename !== "string"
          ? []
          : [
              {
                filename: f.filename,
                ...(typeof f["requires-python"] === "string" && f["requires-python"]
                  ? { requiresPython: f["requires-python"] }
                  : {}),
              },
            ],
      ),
    };
  } catch {
    return null;
  }
}

/** The versions the index has of one project (from PEP 700's list, else its file names), or null. */
export async function projectVersions(indexUrl: string, name: string, signal?: AbortSignal): Promise<string[] | null> {
  const page = await projectPage(indexUrl, name, signal);
  if (!page) return null;
  if (page.versions) return page.versions;
  return [
    ...new Set(page.files.map((f) => versionOfFile(f.filename, page.normal)).filter((v): v is string => v !== null)),
  ];
}

/** The files the index lists for one version of a project (every version when none is given), or null. */
export async function releaseFiles(
  indexUrl: string,
  name: string,
  version: string | undefined,
  signal?: AbortSignal,
): Promise<ReleaseFile[] | null> {
  const page = await projectPage(indexUrl, name, signal);
  if (!page) return null;
  return page.files.filter((f) => {
    const v = versionOfFile(f.filename, page.normal);
    return v !== null && (version === undefined || v === version);
  });
}

/** `alpha-1.0-py3-none-any.whl` or `alpha-1.0.tar.gz` -> "1.0". */
function versionOfFile(file: string, normal: string): string | null {
  const m = /^(.+?)-(\d[^-]*?)(?:-[^-]+-[^-]+-[^-]+\.whl|\.tar\.gz|\.zip|\.tar\.bz2)$/.exec(file);
  return m && normalizeName(m[1]!) === normal ? m[2]! : null;
}
