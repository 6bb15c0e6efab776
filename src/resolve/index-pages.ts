// The package index read at the edge, only where it is cheap: its project list (refused past a size cap, as
// PyPI's is) and one project's versions and files, from the simple API (PEP 691 JSON, else the HTML page).
import { normalizeName } from "./unresolvable-cause.js";

/** A project list larger than this is not read: the closest names are then left out. */
const MAX_PROJECT_LIST_BYTES = 4 * 1024 * 1024;
const MAX_PROJECT_PAGE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1";

/** The body of a GET, or null when it fails, times out or grows past `maxBytes`. */
async function getCapped(
  url: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ text: string; json: boolean } | null> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
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
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) return null;
      chunks.push(chunk);
    }
    return {
      text: Buffer.concat(chunks).toString("utf8"),
      json: /json/.test(response.headers.get("content-type") ?? ""),
    };
  } catch {
    return null;
  }
}

/** The index's project names, or null when its list is missing or too large to read cheaply. */
export async function indexProjects(indexUrl: string, signal?: AbortSignal): Promise<string[] | null> {
  const page = await getCapped(`${indexUrl.replace(/\/+$/, "")}/`, MAX_PROJECT_LIST_BYTES, signal);
  if (!page) return null;
  if (page.json) {
    try {
      const projects = (JSON.parse(page.text) as { projects?: Array<{ name?: unknown }> }).projects;
      return Array.isArray(projects)
        ? projects.map((p) => p.name).filter((n): n is string => typeof n === "string")
        : null;
    } catch {
      return null;
    }
  }
  return [...page.text.matchAll(/<a\b[^>]*>([^<]+)<\/a>/gi)].map((m) => m[1]!.trim());
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
