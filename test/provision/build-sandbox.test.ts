// The build stage's part of the sandbox corpus, on the real engine: a repo's Dockerfile that fetches from the
// host's loopback, builds on a private image, reaches for the host over the network, prints without end,
// fills the disk or never ends. Each is contained, becomes a finding, and leaves no container, layer or
// temporary folder of its own (this file's temporary folders go to a private TMPDIR, checked empty).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import type { BuildLimits } from "../../src/provision/limits.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";

const run = await requireEngine();
const work = mkdtempSync(join(tmpdir(), "ra-sandbox-"));
const privateTmp = join(work, "tmp");
mkdirSync(privateTmp);
const SECRET = `host-secret-${process.pid}-${Date.now()}`;
let server: Server;
let port = 0;
let requests = 0;
const outerTmp = process.env.TMPDIR;

beforeAll(async () => {
  process.env.TMPDIR = privateTmp;
  server = createServer((_req, res) => {
    requests++;
    res.end(SECRET);
  });
  await new Promise<void>((done) => server.listen(0, "0.0.0.0", done));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  process.env.TMPDIR = outerTmp;
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

let counter = 0;
async function build(
  dockerfile: string,
  options: {
    timeoutSeconds?: number;
    allowImages?: string[];
    limits?: Partial<BuildLimits>;
    files?: Record<string, string>;
    baseImageOverride?: string;
  } = {},
) {
  const root = join(work, `repo-${++counter}`);
  mkdirSync(root);
  writeFileSync(join(root, "Dockerfile"), dockerfile);
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(root, name), text);
  writeFileSync(join(root, "main.py"), "print('hi')\n");
  const view = await walkRepo(root);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  const outDir = join(work, `out-${counter}`);
  const result = await runBuildStage({
    root,
    view,
    facts,
    outDir,
    engine: "auto",
    timeoutSeconds: options.timeoutSeconds ?? 300,
    handleInterrupt: false,
    allowImages: options.allowImages ?? [BASE_IMAGE],
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.baseImageOverride ? { baseImageOverride: options.baseImageOverride } : {}),
  });
  const log = (() => {
    try {
      return readFileSync(join(outDir, "build.log"), "utf8");
    } catch {
      return "";
    }
  })();
  return { result, log };
}

/** Nothing of the build is left: its step containers, its layers, the temp folders. */
async function expectNothingLeft(result: BuildStageResult, log: string) {
  const containers = [...log.matchAll(/ ---> Running in ([0-9a-f]{12})/g)].map((m) => m[1]!);
  for (const id of containers)
    expect(
      (await execa("docker", ["container", "inspect", id], { reject: false })).exitCode,
      `container ${id}`,
    ).not.toBe(0);
  const layers = [...log.matchAll(/^ ---> ([0-9a-f]{12})$/gm)].map((m) => m[1]!);
  const base = (await execa("docker", ["image", "inspect", "--format", "{{.Id}}", BASE_IMAGE])).stdout;
  for (const id of layers.filter((id) => !base.includes(id))) {
    expect((await execa("docker", ["image", "inspect", id], { reject: false })).exitCode, `layer ${id}`).not.toBe(0);
  }
  if (result.section.image && result.section.build.status === "failed") {
    expect((await execa("docker", ["image", "inspect", result.section.image], { reject: false })).exitCode).not.toBe(0);
  }
  const holders = (await execa("docker", ["ps", "-aq", "--filter", "label=repro-audit.egress=1"])).stdout.trim();
  expect(holders).toBe("");
  expect(readdirSync(privateTmp)).toEqual([]);
}

const failure = (result: BuildStageResult) => result.records["environment-build"].find((r) => r.kind === "build");

describe.skipIf(!run)("build sandbox corpus", () => {
  it("ADD http://127.0.0.1:<port>/ from the repo's Dockerfile is refused before the engine fetches it", async () => {
    const { result, log } = await build(
      `FROM ${BASE_IMAGE}\nADD http://127.0.0.1:${port}/secret /secret\nRUN cat /secret\n`,
    );
    expect(failure(result)).toMatchObject({ status: "failed", failureClass: "not-allowed" });
    expect(String(failure(result)!.detail)).toContain(
      `ADD http://127.0.0.1:${port}/secret would be fetched by the engine`,
    );
    expect(requests).toBe(0);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    await expectNothingLeft(result, log);
  });

  it("the same through an ARG, a lower-case add and a continuation line", async () => {
    const { result } = await build(`FROM ${BASE_IMAGE}\nARG U=http://127.0.0.1:${port}/secret\nadd \\\n  $U /secret\n`);
    expect(failure(result)).toMatchObject({ failureClass: "not-allowed" });
    expect(String(failure(result)!.detail)).toContain("takes its source from a variable");
    expect(requests).toBe(0);
  });

  it("FROM an image of this machine the user did not name is refused; --allow-image lets it build", async () => {
    const refused = await build(`FROM ${BASE_IMAGE}\nRUN true\n`, { allowImages: [] });
    expect(failure(refused.result)).toMatchObject({ failureClass: "not-allowed" });
    expect(String(failure(refused.result)!.detail)).toContain(`pass --allow-image ${BASE_IMAGE}`);
    const local = await build(`FROM localhost:5000/private/thing:1\n`, { allowImages: [] });
    expect(String(failure(local.result)!.detail)).toContain("localhost:5000 is this machine");
    const copyFrom = await build(
      `FROM ${BASE_IMAGE}\nCOPY --from=${BASE_IMAGE.replace(/:.*/, ":other")} /etc/passwd /x\n`,
    );
    expect(failure(copyFrom.result)).toMatchObject({ failureClass: "not-allowed" });
    await expectNothingLeft(copyFrom.result, copyFrom.log);
  });

  it("--base-image-override builds the repo's own Dockerfile on the user's image in place of its FROM", async () => {
    const { result } = await build(
      "FROM private.example/never:1 AS base\nRUN echo built > /built\nFROM base\nRUN cat /built\n",
      { allowImages: [], baseImageOverride: BASE_IMAGE },
    );
    expect(result.section.build.status).toBe("built");
    expect(result.section.baseImage).toBe(BASE_IMAGE);
    expect(readFileSync(result.section.dockerfile!, "utf8")).toContain(
      `# repro-audit: FROM private.example/never:1 replaced by --base-image-override\nFROM ${BASE_IMAGE} AS base`,
    );
    await execa("docker", ["rmi", result.section.image!], { reject: false });
    // A build that succeeds leaves no temporary folder and no holder either.
    expect(readdirSync(privateTmp)).toEqual([]);
    expect((await execa("docker", ["ps", "-aq", "--filter", "label=repro-audit.egress=1"])).stdout.trim()).toBe("");
  });

  it("build steps cannot reach the host: no route out directly, and the egress proxy refuses it (a finding)", async () => {
    const gateway = "172.17.0.1";
    const own =
      Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === "IPv4" && !i.internal && i.address !== gateway)?.address ?? gateway;
    const direct = `import socket\nfor h in ["${gateway}", "${own}"]:\n    try:\n        socket.create_connection((h, ${port}), 3)\n        print("REACHED", h)\n    except OSError as e:\n        print("no route", h, e)\n`;
    const proxied = `import urllib.request\nfor h in ["${gateway}", "${own}", "127.0.0.1"]:\n    try:\n        print("REACHED", urllib.request.urlopen("http://%s:${port}/secret" % h, timeout=5).read())\n    except Exception as e:\n        print("refused", h, e)\n`;
    const files = { "direct.py": direct, "proxied.py": proxied };
    const { result, log } = await build(
      `FROM ${BASE_IMAGE}\nCOPY direct.py proxied.py /\nRUN python3 /direct.py\nRUN python3 /proxied.py\n`,
      { files },
    );
    expect(requests).toBe(0);
    expect(log).not.toMatch(/^REACHED /m);
    expect(log).not.toContain(SECRET);
    const refused = result.records["environment-build"]
      .filter((r) => r.kind === "network-refused")
      .map((r) => r.destination);
    expect(refused).toEqual(expect.arrayContaining([`${gateway}:${port}`, `${own}:${port}`, `127.0.0.1:${port}`]));
    expect(result.section.build.network?.mode).toBe("egress-proxy");
    if (result.section.image) await execa("docker", ["rmi", result.section.image], { reject: false });
  });

  it("a build that prints without end is stopped at its output ceiling, its log kept bounded", async () => {
    const limits = { outputBytes: 4 * 1024 * 1024, keptHeadBytes: 16 * 1024, keptTailBytes: 64 * 1024 };
    const { result, log } = await build(`FROM ${BASE_IMAGE}\nRUN echo one > /one\nRUN yes 0123456789abcdef\n`, {
      limits,
    });
    expect(failure(result)).toMatchObject({ failureClass: "output-limit" });
    expect(log.length).toBeLessThan(200 * 1024);
    expect(result.section.build.logTail!.split("\n").length).toBeLessThanOrEqual(40);
    await expectNothingLeft(result, log);
  });

  it("a build that fills the disk is stopped: a file at the file-size ceiling, many files by the disk watch", async () => {
    const limits = { diskBytes: 40 * 1024 * 1024, diskPollMs: 300 };
    const big = await build(`FROM ${BASE_IMAGE}\nRUN head -c 100000000 /dev/zero > /big\n`, { limits });
    expect(failure(big.result)).toMatchObject({ failureClass: "disk-limit" });
    const many = await build(
      `FROM ${BASE_IMAGE}\nRUN for i in $(seq 1 80); do head -c 1000000 /dev/zero > /f$i; done; sleep 60\n`,
      { limits },
    );
    expect(failure(many.result)).toMatchObject({ failureClass: "disk-limit" });
    await expectNothingLeft(many.result, many.log);
  });

  it("a build that never ends stops at its time limit and leaves nothing behind", async () => {
    const { result, log } = await build(`FROM ${BASE_IMAGE}\nRUN echo layer > /layer\nRUN sleep 1000\n`, {
      timeoutSeconds: 6,
    });
    expect(failure(result)).toMatchObject({ failureClass: "timeout" });
    await expectNothingLeft(result, log);
  });

  it("Ctrl-C during a build: exit 130, no container, layer or temporary folder left", async () => {
    const childTmp = join(work, "child-tmp");
    mkdirSync(childTmp);
    const root = join(work, "interrupted");
    mkdirSync(root);
    const marker = `sleep 999.${process.pid}`;
    writeFileSync(
      join(root, "Dockerfile"),
      `FROM ${BASE_IMAGE}\nRUN echo layer > /layer.${process.pid}\nRUN ${marker}\n`,
    );
    const dist = new URL("../../dist/src/", import.meta.url).pathname;
    const script = join(work, "interrupt.mjs");
    writeFileSync(
      script,
      `const { walkRepo } = await import("${dist}extract/view/walk.js");
const { extractFacts } = await import("${dist}extract/index.js");
const { STATIC_EXTRACTORS } = await import("${dist}extract/families/index.js");
const { runBuildStage } = await import("${dist}provision/build-stage.js");
const view = await walkRepo(${JSON.stringify(root)});
const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
await runBuildStage({ root: ${JSON.stringify(root)}, view, facts, outDir: ${JSON.stringify(join(work, "interrupted-out"))}, engine: "auto", timeoutSeconds: 300, allowImages: [${JSON.stringify(BASE_IMAGE)}] });
`,
    );
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, TMPDIR: childTmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<string>((done) => child.on("exit", (code, signal) => done(`${code ?? signal}`)));
    let running = "";
    for (let i = 0; i < 120 && !running; i++) {
      await new Promise((r) => setTimeout(r, 500));
      running =
        (await execa("docker", ["ps", "--no-trunc", "--format", "{{.ID}} {{.Command}}"])).stdout
          .split("\n")
          .find((l) => l.includes(marker)) ?? "";
    }
    expect(running, "the build step never started").not.toBe("");
    await new Promise((r) => setTimeout(r, 1000));
    child.kill("SIGINT");
    expect(await exited, stderr).toBe("130");
    let left = "";
    for (let i = 0; i < 30; i++) {
      left = (await execa("docker", ["ps", "-a", "--no-trunc", "--format", "{{.Command}}"])).stdout;
      if (!left.includes(marker)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(left).not.toContain(marker);
    expect(readdirSync(childTmp)).toEqual([]);
    expect((await execa("docker", ["ps", "-aq", "--filter", "label=repro-audit.egress=1"])).stdout.trim()).toBe("");
    const layers = (await execa("docker", ["images", "-a", "-q", "--no-trunc"])).stdout.split("\n").filter(Boolean);
    for (const id of layers.slice(0, 40)) {
      const history = (
        await execa("docker", ["history", "--no-trunc", "--format", "{{.CreatedBy}}", id], { reject: false })
      ).stdout;
      expect(history, `layer ${id}`).not.toContain(`/layer.${process.pid}`);
    }
  });
});
