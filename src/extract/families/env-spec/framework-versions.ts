// The GPU framework's version as each source states it (a spec's pin, the README's prose, a base image's tag),
// with whether they agree on major.minor: where not, a stranger cannot tell which one the result came from. Pure.
import type { FactRecord } from "../../../model/facts.js";
import { normalizeName } from "../../../model/package-name.js";
import type { RepoView } from "../../../model/repo-view.js";
import { imageFrameworks } from "../../parse/images.js";
import { readmeListRecords } from "../../parse/readme-list.js";
import { roleOf } from "../../view/file-roles.js";
import { dockerfileRequirements } from "./dockerfile-requirements.js";

const FRAMEWORKS: Record<string, string> = {
  torch: "torch",
  pytorch: "torch",
  tensorflow: "tensorflow",
  "tensorflow-gpu": "tensorflow",
  "tensorflow-cpu": "tensorflow",
};

interface Stated {
  version: string;
  at: string;
  /** A minimum ("1.13+", ">= 1.13", "1.13 or later", "at least 1.13"): any later version satisfies it. */
  atLeast?: boolean;
  /** A complete environment of its own (a conda file with its own env name): an alternative, not a rival. */
  env?: string;
}

const minor = (v: string) => v.split(".").slice(0, 2).join(".");
/** Compares major.minor numerically (1.13 after 1.8). */
function compareMinor(a: string, b: string): number {
  const [x, y] = [minor(a), minor(b)].map((v) => v.split(".").map(Number));
  return x![0]! - y![0]! || (x![1] ?? 0) - (y![1] ?? 0);
}
/** A README's mention: the name, then a minimum's word or an exact version, then what follows. The name stands
 * alone: one that ends another distribution's name (`facenet-pytorch==2.5.0`, `segmentation_models.pytorch 0.2`)
 * or an image's (`pytorch/pytorch:1.4`) is not the framework. */
const MENTION =
  /(?<![\w.\/-])(pytorch|torch|tensorflow(?:[-_.](?:gpu|cpu))?)\s*(?:(>=|≥|at\s+least\s+)\s*|===?\s*|[:=]\s*|\s)\s*v?(\d+\.\d+(?:\.\d+)?)\b(\s*\+|\s+(?:or|and)\s+(?:later|newer|higher|above|up)\b)?/gi;

/** Exact versions must share one major.minor; a minimum only conflicts with an exact version below it. */
function agrees(list: readonly Stated[]): boolean {
  const exact = list.filter((s) => !s.atLeast);
  if (new Set(exact.map((s) => minor(s.version))).size > 1) return false;
  return list.every((m) => !m.atLeast || exact.every((e) => compareMinor(e.version, m.version) >= 0));
}

/** The sub-pipeline a statement belongs to: the top folder of its file, "" for the root's (which every part shares). */
const partOf = (s: Stated) => {
  if (s.env !== undefined) return s.env;
  const file = s.at.slice(0, s.at.indexOf(":"));
  return file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
};

/** Each sub-folder with its own statements is its own environment: it must agree with itself and with the root's
 * statements, not with another sub-folder's (two pipelines, each with its own spec). */
function partsAgree(list: readonly Stated[]): boolean {
  const parts = [...new Set(list.map(partOf))].filter((p) => p !== "");
  if (parts.length === 0) return agrees(list);
  return parts.every((part) => agrees(list.filter((s) => [part, ""].includes(partOf(s)))));
}

/** One `framework-versions` record per framework that two or more sources state a version of: the versions, and
 * whether they agree on major.minor. */
export function frameworkConflicts(view: RepoView, records: readonly FactRecord[]): FactRecord[] {
  const stated = new Map<string, Stated[]>();
  const envs = new Map([...dockerBuilds(view, records), ...condaEnvironments(view, records)]);
  const add = (name: string, version: string, at: string, atLeast = false) => {
    const env = envs.get(at.slice(0, at.indexOf(":")));
    (stated.get(name) ?? stated.set(name, []).get(name)!).push({
      version,
      at,
      ...(atLeast ? { atLeast } : {}),
      ...(env !== undefined ? { env } : {}),
    });
  };
  const replaced = replacedInImage(view, records);
  const readme = view.files().find((e) => !e.skipped && !e.path.includes("/") && roleOf(e) === "readme");
  const text = readme ? (view.read(readme.path) ?? "") : "";
  const prose = readme ? readmeListRecords(readme.path, text) : [];
  // The version list knows an exact version from a minimum (`==1.4`, `>=1.4`); a sentence that is no list names
  // the framework too ("We trained with PyTorch 2.0.1", "PyTorch 1.13+"), read on the lines the list left.
  const listed = new Set<number>();
  for (const r of [...records, ...prose]) {
    if ((r.kind !== "package" && r.kind !== "install") || typeof r.name !== "string" || typeof r.spec !== "string")
      continue;
    const framework = FRAMEWORKS[r.name];
    const pin = /^(===?|>=)\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(r.spec);
    // A spec file's range is no statement of the version used; the README list's minimum is what it says.
    if (!framework || !pin || (pin[1] === ">=" && r.via !== "readme-list")) continue;
    add(framework, pin[2]!, `${String(r.file)}:${String(r.line)}`, pin[1] === ">=");
    if (r.via === "readme-list") listed.add(Number(r.line));
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (listed.has(i + 1)) return;
    for (const m of line.matchAll(MENTION)) {
      add(FRAMEWORKS[normalizeName(m[1]!)]!, m[3]!, `${readme!.path}:${i + 1}`, Boolean(m[2] ?? m[4]));
    }
  });
  for (const r of records) {
    if (r.kind !== "image" || typeof r.image !== "string") continue;
    for (const { framework, version } of imageFrameworks(r.image))
      if (!replaced.has(`${String(r.file)}\0${framework}`))
        add(framework, version, `${String(r.file)}:${String(r.line)}, image ${r.image}`);
  }
  const out: FactRecord[] = [];
  for (const [name, list] of stated) {
    const seen = new Map<string, Stated>();
    for (const s of list) {
      const key = `${minor(s.version)}${s.atLeast ? "+" : ""}`;
      if (!seen.has(key)) seen.set(key, s);
    }
    if (list.length < 2) continue;
    const first = list[0]!.at.split(",")[0]!;
    out.push({
      kind: "framework-versions",
      file: first.slice(0, first.lastIndexOf(":")),
      line: Number(first.slice(first.lastIndexOf(":") + 1)),
      name,
      versions: [...seen.values()].map((s) => `${s.version}${s.atLeast ? "+" : ""} (${s.at})`).join(", "),
      agree: partsAgree(list),
    });
  }
  return out;
}

/** Each conda file's environment, by its `name:` (else the file): a complete environment of its own, so two with
 * different names are alternatives for different parts of the solution (one per model), not rival statements. */
function condaEnvironments(view: RepoView, records: readonly FactRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    if (r.kind !== "spec-file" || r.format !== "conda" || typeof r.file !== "string") continue;
    const name = /^name\s*:\s*["']?([\w.-]+)/m.exec(view.read(r.file) ?? "")?.[1];
    out.set(r.file, `conda:${name ?? r.file}`);
  }
  return out;
}

/** The frameworks a Dockerfile's build pins exactly itself (its own `pip install torch==2.5.1`, or a requirements
 * file its `pip install -r` installs), as `dockerfile\0framework`: the image's copy is replaced, so its tag states
 * nothing about the built environment. */
function replacedInImage(view: RepoView, records: readonly FactRecord[]): Set<string> {
  const requirementFiles = records.flatMap((r) =>
    r.kind === "spec-file" && r.format === "requirements" && typeof r.file === "string" ? [r.file] : [],
  );
  const pinned = (file: string) =>
    records.flatMap((r) =>
      r.kind === "package" &&
      r.file === file &&
      typeof r.name === "string" &&
      FRAMEWORKS[r.name] !== undefined &&
      typeof r.spec === "string" &&
      /^===?\s*\d/.test(r.spec)
        ? [FRAMEWORKS[r.name]!]
        : [],
    );
  const out = new Set<string>();
  for (const r of records) {
    if (r.kind !== "spec-file" || r.format !== "dockerfile" || typeof r.file !== "string") continue;
    const installed = dockerfileRequirements(r.file, view.read(r.file) ?? "", requirementFiles).map((i) => i.target);
    for (const framework of [r.file, ...installed].flatMap(pinned)) out.add(`${r.file}\0${framework}`);
  }
  return out;
}

/** With two or more Dockerfiles at the root, each is a build of its own (one per model): the Dockerfile and the root
 * requirements files only it installs are that build's environment, an alternative to the others'. */
function dockerBuilds(view: RepoView, records: readonly FactRecord[]): Map<string, string> {
  const files = (format: string) =>
    records.flatMap((r) =>
      r.kind === "spec-file" && r.format === format && typeof r.file === "string" && !r.file.includes("/")
        ? [r.file]
        : [],
    );
  const dockerfiles = files("dockerfile");
  const out = new Map<string, string>();
  if (dockerfiles.length < 2) return out;
  const installers = new Map<string, string[]>();
  for (const dockerfile of dockerfiles) {
    out.set(dockerfile, `docker:${dockerfile}`);
    for (const { target } of dockerfileRequirements(dockerfile, view.read(dockerfile) ?? "", files("requirements")))
      installers.set(target, [...(installers.get(target) ?? []), dockerfile]);
  }
  for (const [file, by] of installers) if (new Set(by).size === 1) out.set(file, `docker:${by[0]!}`);
  return out;
}
