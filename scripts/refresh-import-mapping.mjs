#!/usr/bin/env node
// Refresh data/pipreqs-mapping.json from pipreqs' import-name -> distribution mapping (Apache-2.0,
// https://github.com/bndr/pipreqs, file pipreqs/mapping: one "import:distribution" per line).
//
//   node scripts/refresh-import-mapping.mjs                     # download the mapping and licence from GitHub
//   node scripts/refresh-import-mapping.mjs <pipreqs checkout>  # read them from a local clone (its HEAD)
//
// The hand-kept data/import-names.json stays on top of it (names solutions use that pipreqs lacks or maps
// otherwise); entries there that now agree with pipreqs are listed so they can be dropped.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const RAW = "https://raw.githubusercontent.com/bndr/pipreqs/master";
const root = new URL("..", import.meta.url).pathname;

async function source() {
  const local = process.argv[2];
  if (local) {
    const git = (...args) => execFileSync("git", ["-C", local, ...args], { encoding: "utf8" });
    const commit = git("rev-parse", "HEAD").trim();
    const show = (path) =>
      git("rev-parse", "--is-bare-repository").trim() === "true"
        ? git("show", `HEAD:${path}`)
        : readFileSync(join(local, path), "utf8");
    return { commit, mapping: show("pipreqs/mapping"), license: show("LICENSE") };
  }
  const get = async (path) => {
    const res = await fetch(`${RAW}/${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.text();
  };
  return { commit: "master", mapping: await get("pipreqs/mapping"), license: await get("LICENSE") };
}

const { commit, mapping, license } = await source();
if (!/Apache License/.test(license) || !/Version 2\.0/.test(license))
  throw new Error("pipreqs' LICENSE is no longer Apache-2.0: check before vendoring");
const imports = {};
for (const line of mapping.split("\n")) {
  const m = /^([A-Za-z0-9_.]+):([A-Za-z0-9_.\-]+)\s*$/.exec(line.trim());
  if (m) imports[m[1]] = m[2];
}
const out = {
  description:
    "Import name -> PyPI distribution, from pipreqs' mapping file (vendored; refresh with scripts/refresh-import-mapping.mjs). data/import-names.json overrides it.",
  source: `https://github.com/bndr/pipreqs/blob/${commit}/pipreqs/mapping`,
  license: "Apache-2.0, Copyright (c) the pipreqs authors; full text in data/licenses/pipreqs-LICENSE",
  retrieved: new Date().toISOString().slice(0, 10),
  imports,
};
writeFileSync(join(root, "data", "pipreqs-mapping.json"), JSON.stringify(out, null, 1) + "\n");
writeFileSync(join(root, "data", "licenses", "pipreqs-LICENSE"), license);
const norm = (s) => s.toLowerCase().replace(/[-_.]+/g, "-");
const hand = JSON.parse(readFileSync(join(root, "data", "import-names.json"), "utf8")).imports;
const agree = Object.entries(hand)
  .filter(([k, v]) => imports[k] && norm(imports[k]) === norm(v))
  .map(([k]) => k);
console.log(`${Object.keys(imports).length} names from pipreqs at ${commit}`);
if (agree.length)
  console.log(`hand entries pipreqs now agrees with (may be dropped from data/import-names.json): ${agree.join(", ")}`);
