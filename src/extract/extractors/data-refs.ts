// Fact family `data-refs`: data and weights the code reads, whether the repo holds or fetches them, and
// the Kaggle competitions and datasets it names.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import type { PyCall } from "../python/call-args.js";
import { fetchLines, fetchMatcher, slugsIn } from "../python/fetch-commands.js";
import { recordAt } from "../python/locate.js";
import { kaggleSlugOf } from "../python/path-kinds.js";
import { preparePythonIndex } from "../python/repo-index.js";
import { RepoPaths } from "../python/repo-paths.js";

const WEIGHT_CALLS = new Set(["load_weights", "load_model", "from_pretrained", "load_from_checkpoint", "load_checkpoint", "Booster"]);
const WEIGHT_EXT = /\.(?:pt|pth|ckpt|bin|safetensors|h5|hdf5|keras|onnx|pb|tflite|params|weights)$/i;
const PATH_KWARGS = new Set(["filepath_or_buffer", "path", "fname", "file", "filename", "filepath", "model_file", "checkpoint_path", "pretrained_model_name_or_path", "directory", "root", "fp", "f", "path_or_buf", "top", "pathname"]);
const NOT_DATA_CALLS = new Set(["add_argument", "option", "create_model", "KFold", "StratifiedKFold", "GroupKFold", "StratifiedGroupKFold", "MultilabelStratifiedKFold"]);

/** The path a reading call reads, or null (a write, a file object, nothing literal). */
function readPath(call: PyCall): { path: string; kind: "read" | "weights" } | null {
  const last = call.callee.slice(call.callee.lastIndexOf(".") + 1);
  if (NOT_DATA_CALLS.has(last) || call.decorator) return null;
  if (last === "open") {
    const mode = call.args.find((a) => a.name === "mode") ?? call.args.filter((a) => a.name === null)[1];
    if (mode && mode.kind === "string" && /[wax]/.test(mode.value)) return null;
  }
  const arg = call.args.find((a) => a.name === null) ?? call.args.find((a) => a.name !== null && PATH_KWARGS.has(a.name));
  const path = arg?.path;
  if (!path || /^[*/]*$/.test(path) || path.includes("://") || !/[\w]/.test(path.replace(/\*/g, ""))) return null;
  let kind: "read" | "weights" = WEIGHT_CALLS.has(last) || WEIGHT_EXT.test(path) ? "weights" : "read";
  if (last === "from_pretrained" && !/^(?:\.{1,2}\/|\/|~|[A-Za-z]:)/.test(path)) return null; // a hub id, not a file
  if (last === "Booster" && !call.args.some((a) => a.name === "model_file")) return null;
  return { path, kind };
}

export const extractor: Extractor = {
  id: "data-refs",
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const paths = new RepoPaths(ctx.view);
    const lines = fetchLines(ctx.view, ctx.facts);
    const fetchedBy = fetchMatcher(lines);
    const commanded = slugsIn(lines);
    const fetchedSlugs = new Set(commanded.map((s) => s.slug.slice(s.slug.lastIndexOf("/") + 1)));
    const records: FactRecord[] = [];
    const slugs = new Map<string, FactRecord>();
    for (const s of commanded) {
      const key = `${s.kind}:${s.slug}`;
      if (!slugs.has(key)) slugs.set(key, { file: s.file, line: s.line, kind: s.kind, slug: s.slug, inRepo: false, fetched: true });
    }
    for (const file of index.files) {
      const seen = new Set<string>();
      for (const call of file.calls) {
        const read = readPath(call);
        if (!read || seen.has(read.path)) continue;
        seen.add(read.path);
        const slug = kaggleSlugOf(read.path);
        const fetched = (slug !== null && fetchedSlugs.has(slug)) || fetchedBy(read.path);
        records.push(recordAt(file, call.line, { kind: read.kind, path: read.path, call: call.callee, inRepo: paths.exists(read.path, file.path), fetched }));
      }
      for (const s of file.pathStrings) {
        const slug = kaggleSlugOf(s.value);
        if (slug === null || slugs.has(`kaggle-dataset:${slug}`) || [...slugs.values()].some((r) => typeof r.slug === "string" && r.slug.endsWith(slug))) continue;
        slugs.set(`kaggle-dataset:${slug}`, recordAt(file, s.line, { kind: "kaggle-dataset", slug, inRepo: false, fetched: false }));
      }
    }
    return [...records, ...slugs.values()];
  },
};
