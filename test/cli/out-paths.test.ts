// --out: checked before the audit (one bad-input line, exit 2), artefacts in report.files/, nothing overwritten.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutPath, filesDirOf, FILES_MARKER, writeOut } from "../../src/cli/out-paths.js";
import { AuditError } from "../../src/model/errors.js";
import { runCli } from "../support/cli.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";

const SAMPLES = new URL("../../samples/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "ra-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function badInputMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).code).toBe("BAD_INPUT");
    return (error as AuditError).message;
  }
  throw new Error("expected a bad-input error");
}

describe("checkOutPath", () => {
  it("names the artefact folder after the report", () => {
    expect(filesDirOf("/a/report.json")).toBe("/a/report.files");
    expect(filesDirOf("/a/audit.sarif")).toBe("/a/audit.files");
    expect(filesDirOf("/a/REPORT")).toBe("/a/REPORT.files");
    expect(filesDirOf("/a/.hidden")).toBe("/a/.hidden.files");
    expect(checkOutPath(join(work, "r.json"))).toEqual({
      report: join(work, "r.json"),
      filesDir: join(work, "r.files"),
    });
  });

  it("refuses a missing folder, a folder, a link, and a files folder it did not make", () => {
    expect(badInputMessage(() => checkOutPath(join(work, "missing", "r.json")))).toBe(
      `--out ${join(work, "missing", "r.json")}: the folder ${join(work, "missing")} does not exist`,
    );
    expect(badInputMessage(() => checkOutPath(work))).toBe(`--out ${work} is a folder, not a file`);
    symlinkSync("/etc/hostname", join(work, "link.json"));
    expect(badInputMessage(() => checkOutPath(join(work, "link.json")))).toBe(
      `--out ${join(work, "link.json")} is a symbolic link`,
    );
    mkdirSync(join(work, "theirs.files"));
    expect(badInputMessage(() => checkOutPath(join(work, "theirs.json")))).toContain(
      "exists and was not made by repro-audit",
    );
    writeFileSync(join(work, "plain.files"), "x");
    expect(badInputMessage(() => checkOutPath(join(work, "plain.json")))).toContain("exists and is not a folder");
  });

  it("accepts the files folder an earlier audit made, and marks a new one", () => {
    const target = checkOutPath(join(work, "again.json"));
    mkdirSync(target.filesDir);
    writeOut(target, "{}");
    expect(existsSync(join(target.filesDir, FILES_MARKER))).toBe(true);
    expect(checkOutPath(join(work, "again.json"))).toEqual(target);
    writeOut(target, "{}");
    expect(readFileSync(target.report, "utf8")).toBe("{}");
  });
});

describe("--out on the command line", () => {
  it("a missing folder is one bad-input line, before the audit even opens the source", () => {
    const result = runCli(["audit", "/no/such/repo", "--stages", "static", "--out", join(work, "nope", "r.json")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("--out");
    expect(result.stderr).not.toContain("/no/such/repo");
  });

  it("a folder as --out is one bad-input line", () => {
    const result = runCli(["audit", join(SAMPLES, "clean-solution/repo"), "--stages", "static", "--out", work]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `repro-audit: --out ${work} is a folder, not a file. Name the report file inside it, e.g. --out ${join(work, "report.json")}`,
    );
  });
});

const engine = await requireEngine();
describe.skipIf(!engine)("--out beside files of the user's (real build)", () => {
  it("writes the Dockerfile and build log into report.files/, leaving the folder's own Dockerfile and build.log as they were", () => {
    const folder = join(work, "own-repo");
    mkdirSync(folder);
    writeFileSync(join(folder, "Dockerfile"), "FROM my-own-image\n");
    writeFileSync(join(folder, "build.log"), "my log\n");
    const out = join(folder, "report.json");
    const result = runCli([
      "audit",
      join(SAMPLES, "clean-solution/repo"),
      "--stages",
      "static,build",
      "--base-image",
      BASE_IMAGE,
      "--format",
      "json",
      "--out",
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(folder, "Dockerfile"), "utf8")).toBe("FROM my-own-image\n");
    expect(readFileSync(join(folder, "build.log"), "utf8")).toBe("my log\n");
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.environment.dockerfile).toBe(join(folder, "report.files", "Dockerfile"));
    expect(readFileSync(join(folder, "report.files", "Dockerfile"), "utf8")).toContain(`FROM ${BASE_IMAGE}`);
  });
});
