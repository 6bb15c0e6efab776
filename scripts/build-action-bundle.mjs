#!/usr/bin/env node
// Builds action-dist/: the Action's entry bundled with its dependencies, which action.yml runs with plain node.
// Deterministic: the same sources and lock file give the same bytes (a test rebuilds it and compares).
// Usage: node scripts/build-action-bundle.mjs [out-folder]   (default action-dist)
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ROOT, bundleOptions, copyWasm } from "./bundle-common.mjs";

export async function buildActionBundle(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The worker of the Python index pool is started from a file beside the entry (index-pool.ts).
  await build(
    bundleOptions({ main: "src/action/main.ts", "index-worker": "src/extract/python/index-worker.ts" }, outDir),
  );
  copyWasm(outDir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildActionBundle(resolve(process.argv[2] ?? join(ROOT, "action-dist")));
}
