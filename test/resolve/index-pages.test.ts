// The index's project pages read at the edge: an HTML simple page (PEP 503) gives each file's Requires-Python too.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseFiles } from "../../src/resolve/index-pages.js";

let url = "";
const server = createServer((req, res) => {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("releaseFiles", () => {
  it("reads each file of a release with the Requires-Python its HTML page gives, unescaped", async () => {
    expect(await releaseFiles(url, "oldlike", "0.8")).toEqual([
      { filename: "oldlike-0.8-py3-none-any.whl", requiresPython: ">=3.6, <3.7" },
      { filename: "oldlike-0.8.tar.gz", requiresPython: ">=3.6, <3.7" },
    ]);
    expect(await releaseFiles(url, "oldlike", "0.6")).toEqual([{ filename: "oldlike-0.6.tar.gz" }]);
    expect(await releaseFiles(url, "missing", undefined)).toBeNull();
  });
});
