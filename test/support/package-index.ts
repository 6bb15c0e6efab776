// A real local package index for tests: wheels built here (zip files with their METADATA) and source
// distributions, served on 127.0.0.1 as a PEP 691 JSON simple index with PEP 700 upload times, for a real resolver.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync, strToU8, zipSync } from "fflate";

export interface IndexedRelease {
  name: string;
  version: string;
  /** Requires-Python of the wheel, e.g. ">=3.9". */
  requiresPython?: string;
  /** Requires-Dist lines, e.g. ["beta>=1"]. */
  requires?: string[];
  /** The wheel's Python tag (default py3, ABI none, platform any). */
  pythonTag?: string;
  /** PEP 700 upload time, ISO 8601. */
  uploaded?: string;
  /** Which files the index lists for it: a wheel (the default), a source distribution, or both. */
  files?: "wheel" | "sdist" | "both";
  /** The package's `__init__.py` (default: its version only). */
  source?: string;
}

export interface LocalIndex {
  /** The simple index's URL, for --index-url. */
  url: string;
  /** Every request path served, to prove the resolver asked this index. */
  requests: string[];
  close(): Promise<void>;
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** One wheel's bytes: METADATA, WHEEL and RECORD, as pip and uv read them. */
export function buildWheel(release: IndexedRelease): { filename: string; bytes: Uint8Array } {
  const dist = release.name.replace(/[-.]+/g, "_");
  const tag = `${release.pythonTag ?? "py3"}-none-any`;
  const info = `${dist}-${release.version}.dist-info`;
  const metadata = [
    "Metadata-Version: 2.1",
    `Name: ${release.name}`,
    `Version: ${release.version}`,
    ...(release.requiresPython ? [`Requires-Python: ${release.requiresPython}`] : []),
    ...(release.requires ?? []).map((r) => `Requires-Dist: ${r}`),
    "",
  ].join("\n");
  const wheel = ["Wheel-Version: 1.0", "Generator: repro-audit-tests", "Root-Is-Purelib: true", `Tag: ${tag}`, ""].join(
    "\n",
  );
  const files: Record<string, Uint8Array> = {
    [`${dist}/__init__.py`]: strToU8(release.source ?? `__version__ = "${release.version}"\n`),
    [`${info}/METADATA`]: strToU8(metadata),
    [`${info}/WHEEL`]: strToU8(wheel),
  };
  const record = Object.keys(files)
    .map((p) => `${p},,`)
    .concat(`${info}/RECORD,,`, "")
    .join("\n");
  files[`${info}/RECORD`] = strToU8(record);
  return {
    filename: `${dist}-${release.version}-${tag}.whl`,
    bytes: zipSync(files, { mtime: new Date("2020-01-01T00:00:00Z") }),
  };
}

/** One source distribution's bytes: an empty tar, gzipped (a resolver that never builds never opens it). */
function buildSdist(release: IndexedRelease): { filename: string; bytes: Uint8Array } {
  const dist = release.name.replace(/[-.]+/g, "_");
  return { filename: `${dist}-${release.version}.tar.gz`, bytes: gzipSync(new Uint8Array(1024)) };
}

/** Serve the releases on 127.0.0.1 (an ephemeral port) until close(). */
export async function startLocalIndex(releases: IndexedRelease[]): Promise<LocalIndex> {
  const dists = releases.flatMap((r) => [
    ...(r.files !== "sdist" ? [{ release: r, ...buildWheel(r) }] : []),
    ...(r.files === "sdist" || r.files === "both" ? [{ release: r, ...buildSdist(r) }] : []),
  ]);
  const requests: string[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push(path);
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json" });
      res.end(JSON.stringify(body));
    };
    if (path === "/simple/" || path === "/simple") {
      return json({
        meta: { "api-version": "1.1" },
        projects: [...new Set(releases.map((r) => normalize(r.name)))].map((name) => ({ name })),
      });
    }
    const project = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (project) {
      const name = normalize(project[1]!);
      const mine = dists.filter((w) => normalize(w.release.name) === name);
      if (mine.length === 0) {
        res.writeHead(404).end("not found");
        return;
      }
      return json({
        meta: { "api-version": "1.1" },
        name,
        versions: [...new Set(mine.map((w) => w.release.version))],
        files: mine.map((w) => ({
          filename: w.filename,
          url: `${base}/files/${w.filename}`,
          hashes: { sha256: createHash("sha256").update(w.bytes).digest("hex") },
          ...(w.release.requiresPython ? { "requires-python": w.release.requiresPython } : {}),
          ...(w.release.uploaded ? { "upload-time": w.release.uploaded } : {}),
        })),
      });
    }
    const file = /^\/files\/([^/]+)$/.exec(path);
    const dist = file ? dists.find((w) => w.filename === file[1]) : undefined;
    if (dist) {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": dist.bytes.length });
      res.end(Buffer.from(dist.bytes));
      return;
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/simple`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
