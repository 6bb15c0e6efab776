// The index's project list, read over real HTTP from a server of the test's own: a list as large as a public
// index's (past the 4 MiB a project page may take) still loads, in either of the simple API's forms; a
// project's HTML page gives each file's Requires-Python too.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexProjects, MAX_PROJECT_LIST_BYTES, releaseFiles } from "../../src/resolve/index-pages.js";

/** 200,000 names: about 9 MB as PEP 691 JSON, 8 MB as HTML. */
const NAMES = Array.from({ length: 200_000 }, (_, i) => `project-number-${i}`);
let server: Server;
let base: string;
let oversize = 0;

beforeAll(async () => {
  const json = JSON.stringify({
    meta: { "api-version": "1.1", "_last-serial": 1 },
    projects: NAMES.map((name, i) => ({ "_last-serial": i, name })),
  });
  const html = `<!DOCTYPE html><html><body>\n${NAMES.map((n) => `<a href="/simple/${n}/">${n}</a><br/>`).join("\n")}\n</body></html>`;
  server = createServer((req, res) => {
    if (req.url === "/json/") {
      res.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json" });
      // Written in small pieces, as a network delivers it: a name may be cut between two chunks.
      for (let at = 0; at < json.length; at += 4093) res.write(json.slice(at, at + 4093));
      res.end();
    } else if (req.url === "/html/") {
      res.writeHead(200, { "content-type": "text/html" });
      for (let at = 0; at < html.length; at += 4093) res.write(html.slice(at, at + 4093));
      res.end();
    } else if (req.url === "/huge/") {
      // Past the list's own cap, with no length said: read up to the cap, then given up.
      res.writeHead(200, { "content-type": "text/html" });
      const line = `<a href="/simple/x/">x</a>\n`.repeat(4096);
      const write = () => {
        while (oversize <= MAX_PROJECT_LIST_BYTES + line.length) {
          oversize += line.length;
          if (!res.write(line)) return void res.once("drain", write);
        }
        res.end();
      };
      write();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("indexProjects", () => {
  it("loads a project list larger than 4 MiB, as PEP 691 JSON and as HTML, every name whole", async () => {
    expect(JSON.stringify(NAMES).length).toBeGreaterThan(4 * 1024 * 1024);
    for (const form of ["json", "html"]) {
      const names = await indexProjects(`${base}/${form}`);
      expect(names?.length, form).toBe(NAMES.length);
      expect(names![0]).toBe("project-number-0");
      expect(names!.at(-1)).toBe("project-number-199999");
      expect(new Set(names).size).toBe(NAMES.length);
    }
  });

  it("gives up on a list past its own cap, and on a missing one", async () => {
    expect(await indexProjects(`${base}/huge`)).toBeNull();
    expect(await indexProjects(`${base}/missing`)).toBeNull();
  });
});

let pagesUrl = "";
const pagesServer = createServer((req, res) => {
  if (req.url !== "/simple/oldlike/") return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": "text/html" });
  res.end(
    [
      "<html><body>",
      '<a href="/f/oldlike-0.8-py3-none-any.whl" data-requires-python="&gt;=3.6, &lt;3.7">oldlike-0.8-py3-none-any.whl</a>',
      '<a href="/f/oldlike-0.8.tar.gz" data-requires-python="&gt;=3.6, &lt;3.7">oldlike-0.8.tar.gz</a>',
      '<a href="/f/oldlike-0.6.tar.gz">oldlike-0.6.tar.gz</a>',
      "</body></html>",
    ].join("\n"),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => pagesServer.listen(0, "127.0.0.1", resolve));
  pagesUrl = `http://127.0.0.1:${(pagesServer.address() as AddressInfo).port}/simple`;
});
afterAll(() => new Promise<void>((resolve) => pagesServer.close(() => resolve())));

describe("releaseFiles", () => {
  it("reads each file of a release with the Requires-Python its HTML page gives, unescaped", async () => {
    expect(await releaseFiles(pagesUrl, "oldlike", "0.8")).toEqual([
      { filename: "oldlike-0.8-py3-none-any.whl", requiresPython: ">=3.6, <3.7" },
      { filename: "oldlike-0.8.tar.gz", requiresPython: ">=3.6, <3.7" },
    ]);
    expect(await releaseFiles(pagesUrl, "oldlike", "0.6")).toEqual([{ filename: "oldlike-0.6.tar.gz" }]);
    expect(await releaseFiles(pagesUrl, "missing", undefined)).toBeNull();
  });
});
