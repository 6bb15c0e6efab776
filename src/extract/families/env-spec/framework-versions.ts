// The GPU framework's version as each source states it (a spec's pin, the README's prose, a base image's tag),
// with whether they agree on major.minor: where not, a stranger cannot tell which one the result came from. Pure.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { readmeListRecords } from "../../parse/readme-list.js";
import { roleOf } from "../../view/file-roles.js";

const FRAMEWORKS: Record<string, string> = {
  torch: "torch",
  pytorch: "torch",
  tensorflow: "tensorflow",
  "tensorflow-gpu": "tensorflow",
  "tensorflow-cpu": "tensorflow",
};
/** Images whose tag is the framework's version (`pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime`). */
const IMAGE_TAG: Array<[RegExp, string]> = [
  [/^(?:docker\.io\/)?pytorch\/pytorch:v?(\d+\.\d+(?:\.\d+)?)/, "torch"],
  [/^(?:docker\.io\/)?tensorflow\/tensorflow:(\d+\.\d+(?:\.\d+)?)/, "tensorflow"],
];

interface Stated {
  version: string;
  at: string;
}

const minor = (v: string) => v.split(".").slice(0, 2).join(".");

/** One `framework-versions` record per framework that two or more sources state a version of: the versions, and
 * whether they agree on major.minor. */
export function frameworkConflicts(view: RepoView, records: readonly FactRecord[]): FactRecord[] {
  const stated = new Map<string, Stated[]>();
  const add = (name: string, version: string, at: string) =>
    (stated.get(name) ?? stated.set(name, []).get(name)!).push({ version, at });
  const readme = view.files().find((e) => !e.skipped && !e.path.includes("/") && roleOf(e) === "readme");
  const text = readme ? (view.read(readme.path) ?? "") : "";
  const prose = readme ? readmeListRecords(readme.path, text) : [];
  for (const r of [...records, ...prose]) {
    if ((r.kind !== "package" && r.kind !== "install") || typeof r.name !== "string" || typeof r.spec !== "string")
      continue;
    const framework = FRAMEWORKS[r.name];
    const pin = /^===?\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(r.spec);
    if (framework && pin) add(framework, pin[1]!, `${String(r.file)}:${String(r.line)}`);
  }
  // A sentence names it too ("We trained with PyTorch 2.0.1"), list or not.
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(
      /\b(pytorch|torch|tensorflow(?:-gpu)?)\s*(?:===?|[:=]|\s)\s*v?(\d+\.\d+(?:\.\d+)?)\b/gi,
    ))
      add(FRAMEWORKS[m[1]!.toLowerCase()]!, m[2]!, `${readme!.path}:${i + 1}`);
  });
  for (const r of records) {
    if (r.kind !== "image" || typeof r.image !== "string") continue;
    for (const [re, framework] of IMAGE_TAG) {
      const m = re.exec(r.image);
      if (m) add(framework, m[1]!, `${String(r.file)}:${String(r.line)}, image ${r.image}`);
    }
  }
  const out: FactRecord[] = [];
  for (const [name, list] of stated) {
    const seen = new Map<string, Stated>();
    for (const s of list) if (!seen.has(minor(s.version))) seen.set(minor(s.version), s);
    if (list.length < 2) continue;
    const first = list[0]!.at.split(",")[0]!;
    out.push({
      kind: "framework-versions",
      file: first.slice(0, first.lastIndexOf(":")),
      line: Number(first.slice(first.lastIndexOf(":") + 1)),
      name,
      versions: [...seen.values()].map((s) => `${s.version} (${s.at})`).join(", "),
      agree: seen.size === 1,
    });
  }
  return out;
}
