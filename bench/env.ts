// Benchmark of the build stage: audit the same sample twice, print both builds' seconds, their ratio
// (aim: the second, a cache hit, under 10% of the first) and the image's size.
// Usage: node dist/bench/env.js [sample] [--base-image TAG]   (defaults: env-pinned-ok, repro-audit/python-base:bookworm-git-gl)
// The sample must have a requirements.txt (a comment is appended to it so the first build is cold).
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { extractFacts } from "../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../src/extract/families/index.js";
import { walkRepo } from "../src/extract/view/walk.js";
import { findEngine, runBuildStage, type BuildStageResult } from "../src/provision/index.js";

const args = process.argv.slice(2);
const flag = args.indexOf("--base-image");
const baseImage = flag >= 0 ? args[flag + 1]! : "repro-audit/python-base:bookworm-git-gl";
const sample = args.find((a, i) => !a.startsWith("--") && i !== flag + 1) ?? "env-pinned-ok";
const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));

/** The nonce, a comment in the spec, keeps the engine's layer cache from earlier runs out of the first build. */
async function auditOnce(nonce: string): Promise<{ result: BuildStageResult; wall: number }> {
  const dir = await mkdtemp(join(tmpdir(), "repro-audit-bench-env-"));
  try {
    const root = join(dir, "repo");
    await cp(join(samplesDir, sample, "repo"), root, { recursive: true });
    await appendFile(join(root, "requirements.txt"), `# bench run ${nonce}\n`);
    const started = performance.now();
    const view = await walkRepo(root);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    const result = await runBuildStage({ root, view, facts, outDir: join(dir, "out"), engine: "auto", baseImage });
    return { result, wall: (performance.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const lookup = await findEngine("auto");
  if (!lookup.ok) {
    console.error(`bench:env: ${lookup.message}: ${lookup.hint}`);
    process.exit(3);
  }
  const nonce = `${Date.now()}-${process.pid}`;
  const first = await auditOnce(nonce);
  const second = await auditOnce(nonce);
  // The bench's image is unique to this run: remove it so runs do not pile up images.
  if (first.result.section.image)
    await execa(lookup.engine.bin, ["image", "rm", first.result.section.image], { reject: false });
  const a = first.result.section.build;
  const b = second.result.section.build;
  if (a.status !== "built" || b.seconds === null || a.seconds === null) {
    console.error(
      `bench:env: the first build did not succeed (${a.status}${a.failureClass ? `, ${a.failureClass}` : ""})`,
    );
    process.exit(1);
  }
  const ratio = b.seconds / a.seconds;
  const mb = (first.result.imageBytes ?? 0) / 1e6;
  console.log(`build stage, sample ${sample}, base ${baseImage}, engine ${lookup.engine.name}`);
  console.log(`  image              ${first.result.section.image} (${mb.toFixed(1)} MB)`);
  console.log(
    `  first audit        build ${a.seconds.toFixed(2)} s (${a.status}), stage ${first.wall.toFixed(2)} s with probe`,
  );
  console.log(
    `  second audit       build ${b.seconds.toFixed(2)} s (${b.status}), stage ${second.wall.toFixed(2)} s with probe`,
  );
  console.log(`  ratio second/first ${(ratio * 100).toFixed(1)}% (aim: under 10%) ${ratio < 0.1 ? "ok" : "MISSED"}`);
}

await main();
