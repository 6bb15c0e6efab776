// What the Action's bundle and the CLI's bundle share: esbuild's settings for one ESM file per entry (lazy
// imports split into chunks), the plugin that lets it follow lazy requires, and the WASM copied beside it.
import { copyFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));

/** Modules that load a dependency lazily through createRequire, which a bundle cannot follow: a plain
 * require() it can. */
const LAZY_REQUIRES = [
  { file: /[\\/]src[\\/]io[\\/]schema\.ts$/, from: 'createRequire(import.meta.url)("ajv")', to: 'require("ajv")' },
  {
    file: /[\\/]src[\\/]io[\\/]yaml\.ts$/,
    from: 'createRequire(import.meta.url)("js-yaml")',
    to: 'require("js-yaml")',
  },
];

const lazyRequires = {
  name: "lazy-requires",
  setup(b) {
    for (const { file, from, to } of LAZY_REQUIRES) {
      b.onLoad({ filter: file }, (args) => {
        const text = readFileSync(args.path, "utf8");
        if (!text.includes(from))
          throw new Error(
            `${args.path} no longer loads its dependency as ${from}: update ${fileURLToPath(import.meta.url)}`,
          );
        return { contents: text.replace(from, to), loader: "ts" };
      });
    }
  },
};

/** esbuild's options for `entryPoints` bundled into `outDir`. */
export function bundleOptions(entryPoints, outDir) {
  return {
    absWorkingDir: ROOT,
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    chunkNames: "[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);',
    },
    plugins: [lazyRequires],
  };
}

/** WASM the grammar loads from beside the module that asks for it (the bundle's entry and chunks). */
export function copyWasm(outDir) {
  const wasm = [
    require.resolve("web-tree-sitter/web-tree-sitter.wasm"),
    require.resolve("tree-sitter-python/tree-sitter-python.wasm"),
  ];
  for (const file of wasm) {
    copyFileSync(file, join(outDir, file.split(/[\\/]/).pop()));
  }
}
