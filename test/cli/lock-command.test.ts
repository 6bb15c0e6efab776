// `repro-audit lock`: a real git repo committed on a known date, a real local index with dated uploads
// (PEP 700), the real uv: the lock holds the versions current at the commit's date, each with its reason.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockCommand } from "../../src/cli/lock-command.js";
import { captureIo } from "../support/capture-io.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";

let index: LocalIndex;
let dir: string;

beforeAll(async () => {
  index = await startLocalIndex([
    { name: "alpha", version: "1.0", requires: ["beta>=1"], uploaded: "2021-03-01T00:00:00Z" },
    { name: "alpha", version: "2.0", requires: ["beta>=2"], uploaded: "2023-03-01T00:00:00Z" },
    { name: "beta", version: "1.0", uploaded: "2021-01-01T00:00:00Z" },
    { name: "beta", version: "2.0", uploaded: "2023-01-01T00:00:00Z" },
  ]);
  dir = mkdtempSync(join(tmpdir(), "repro-audit-lock-"));
  const repo = join(dir, "repo");
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  writeFileSync(join(repo, "requirements.txt"), "# the model\nalpha\n");
  writeFileSync(join(repo, "train.py"), "import alpha\n");
  const env = {
    ...process.env,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_DATE: "2022-06-01T12:00:00Z",
    GIT_COMMITTER_DATE: "2022-06-01T12:00:00Z",
  };
  execFileSync("git", ["-C", repo, "add", "-A"], { env });
  execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "solution"], {
    env,
  });
  // A later commit on its own branch: the same spec, resolved as of 2024.
  const later = { ...env, GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z" };
  execFileSync("git", ["-C", repo, "checkout", "-q", "-b", "later"], { env: later });
  writeFileSync(join(repo, "README.md"), "# later\n");
  execFileSync("git", ["-C", repo, "add", "-A"], { env: later });
  execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "later"], {
    env: later,
  });
  execFileSync("git", ["-C", repo, "checkout", "-q", "main"], { env: later });
});

afterAll(async () => {
  await index?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("repro-audit lock", () => {
  it("pins what the index held at the commit's date, each pin with its reason", async () => {
    const out = join(dir, "lock.txt");
    const { io, text } = captureIo();
    const code = await lockCommand(
      {
        command: "lock",
        source: join(dir, "repo"),
        out,
        force: false,
        indexUrl: index.url,
        cacheDir: join(dir, "cache"),
        debug: false,
      },
      io,
    );
    expect(text.err).toBe(`lock written to ${out}\n`);
    expect(code).toBe(0);
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines[1]).toBe(
      `# Python 3.11 (default); resolved by uv from ${index.url} with only the releases uploaded before the commit's date, 2022-06-01T12:00:00.000Z.`,
    );
    expect(lines.slice(4)).toEqual([
      "alpha==1.0  # requirements.txt:2 asks alpha",
      "beta==1.0   # needed by alpha",
      "",
    ]);
  });

  it("a later commit of the same spec gets the later releases", async () => {
    const { io, text } = captureIo();
    const code = await lockCommand(
      {
        command: "lock",
        source: join(dir, "repo"),
        ref: "later",
        force: false,
        indexUrl: index.url,
        cacheDir: join(dir, "cache"),
        debug: false,
      },
      io,
    );
    expect(code).toBe(0);
    expect(text.out.split("\n").slice(4)).toEqual([
      "alpha==2.0  # requirements.txt:2 asks alpha",
      "beta==2.0   # needed by alpha",
      "",
    ]);
  });

  it("an existing --out file is kept unless --force, before anything is resolved", async () => {
    const out = join(dir, "kept.lock");
    writeFileSync(out, "mine\n");
    const { io } = captureIo();
    const err = await lockCommand(
      {
        command: "lock",
        source: join(dir, "repo"),
        out,
        force: false,
        indexUrl: index.url,
        cacheDir: join(dir, "cache"),
        debug: false,
      },
      io,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_INPUT",
      message: `${out} already exists`,
      hint: "Pass --force to overwrite it, or another --out",
    });
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    const code = await lockCommand(
      {
        command: "lock",
        source: join(dir, "repo"),
        out,
        force: true,
        indexUrl: index.url,
        cacheDir: join(dir, "cache"),
        debug: false,
      },
      captureIo().io,
    );
    expect(code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^alpha==1\.0 /m);
  });

  it("a repo with no spec pip installs is bad input, with what to do", async () => {
    const bare = join(dir, "bare");
    execFileSync("git", ["init", "-q", bare]);
    writeFileSync(join(bare, "notes.txt"), "nothing\n");
    const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" };
    execFileSync("git", ["-C", bare, "add", "-A"], { env });
    execFileSync("git", ["-C", bare, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "notes"], {
      env,
    });
    const { io } = captureIo();
    await expect(
      lockCommand(
        {
          command: "lock",
          source: bare,
          force: false,
          indexUrl: index.url,
          cacheDir: join(dir, "cache"),
          debug: false,
        },
        io,
      ),
    ).rejects.toThrow(/has no spec pip installs to lock/);
  });
});
