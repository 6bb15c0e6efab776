#!/usr/bin/env node
// Builds dist/cli/: the CLI bundled with its dependencies (the package's bin), so a start-up reads and compiles a
// few files instead of hundreds of modules; each lazy stage stays a chunk of its own, loaded when it runs.
// Usage: node scripts/build-cli-bundle.mjs [out-folder]   (default dist/cli)
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ROOT, bundleOptions, copyWasm } from "./bundle-common.mjs";

export async function buildCliBundle(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Processes and threads the CLI starts from files beside itself: the batch's audit processes
  // (audit-child.ts) and the Python index's workers (index-pool.ts).
  await build(
    bundleOptions(
      {
        bin: "src/cli/bin.ts",
        "audit-child-main": "src/batch/audit-child-main.ts",
        "index-worker": "src/extract/python/index-worker.ts",
      },
      outDir,
    ),
  );
  copyWasm(outDir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCliBundle(resolve(process.argv[2] ?? join(ROOT, "dist", "cli")));
}
