// Fact family `removed-apis`: each use in the code of a module attribute or module a library has since removed
// (data/removed-apis.json: np.int gone in NumPy 1.24, Image.ANTIALIAS in Pillow 10, torch._six in torch 2.0), with
// what the environment gives a stranger of that library and whether that release still has it.
import { readDataJson } from "../../../io/package.js";
import type { FactRecord } from "../../../model/facts.js";
import type { PythonSource } from "../../../model/repo-view.js";
import { normalizeName } from "../../../model/package-name.js";
import type { Extractor } from "../../extractor.js";
import { imageInfo } from "../../parse/images.js";
import { recordAt } from "../../python/locate.js";
import { apiUses, type ApiForms } from "../../python/removed-api-uses.js";
import { preparePythonIndex, sourceOf } from "../../python/repo-index.js";
import { repoStatedVersions } from "../../parse/stated-versions.js";
import { pinVerdict, type PinStatement, type Removal } from "./pins.js";
import { summaries } from "./summary.js";

interface RemovedApi extends Removal {
  api: string;
  source: string;
  instead: string;
  /** A keyword argument these callees no longer take (data/removed-apis.json says how each form is used). */
  calls?: string[];
  keyword?: string;
  /** A method a subclass of this class defines that the library no longer calls. */
  hookOf?: string;
  /** An attribute of any object, in a file that imports the package's module. */
  member?: string;
}

/** The rows that are no module path, as apiUses reads them (pure). */
function formsOf(rows: readonly RemovedApi[]): ApiForms {
  const keywords = new Map<string, Map<string, string>>();
  const hooks = new Map<string, Map<string, string>>();
  const members = new Map<string, Map<string, string>>();
  const put = (m: Map<string, Map<string, string>>, key: string, name: string, api: string) =>
    m.set(key, (m.get(key) ?? new Map<string, string>()).set(name, api));
  for (const r of rows) {
    if (r.keyword) for (const callee of r.calls ?? []) put(keywords, callee, r.keyword, r.api);
    if (r.hookOf) put(hooks, r.hookOf, r.api.split(".").at(-1)!, r.api);
    if (r.member) put(members, r.api.split(".")[0]!, r.member, r.api);
  }
  return { keywords, hooks, members };
}

const isPath = (r: RemovedApi) => !r.keyword && !r.hookOf && !r.member;

/** A source past this size (a generated or vendored blob) is not read for uses. */
const MAX_BYTES = 2_000_000;

let table: RemovedApi[] | null = null;

/** A use's place in words: file and line, or a notebook's cell and line in the cell. */
function placeWords(file: { path: string; lineMap?: PythonSource["lineMap"] }, line: number): string {
  const cell = file.lineMap?.[line - 1];
  return cell ? `${file.path} cell ${cell.cell + 1} line ${cell.cellLine}` : `${file.path}:${line}`;
}

/** Each package's version statements: its spec lines, else the versions READMEs and notebooks state. */
type Statements = Map<string, { statements: PinStatement[]; fixedBy: string | null }>;

function statementsOf(
  spec: readonly FactRecord[],
  stated: ReturnType<typeof repoStatedVersions>,
  packages: Set<string>,
): Statements {
  const out: Statements = new Map([...packages].map((p) => [p, { statements: [], fixedBy: null }]));
  for (const r of spec) {
    const at = `${String(r.file)}${typeof r.line === "number" ? `:${r.line}` : ""}`;
    if ((r.kind === "package" || r.kind === "install") && typeof r.name === "string") {
      const entry = out.get(normalizeName(r.name));
      if (!entry) continue;
      const written = typeof r.spec === "string" ? r.spec.trim() : "";
      // Pinned another way than by its own version spec (a lock beside it, a VCS commit, a wheel URL): unseen here.
      if (r.pinned === true && !/^={1,3}\s*\d/.test(written)) entry.fixedBy ??= at;
      // A README's version list or table is the authors' word on the version, read as a pin.
      else entry.statements.push({ at, spec: written, stated: r.via === "readme-list" || r.via === "readme-table" });
    }
    if (r.kind === "image" && typeof r.image === "string")
      for (const name of imageInfo(r.image)?.ships ?? []) {
        const entry = out.get(normalizeName(name));
        if (entry) entry.fixedBy ??= `${at} (image ${r.image})`;
      }
  }
  for (const s of stated) out.get(s.name)?.statements.push({ at: s.by, spec: `==${s.version}`, stated: true });
  return out;
}

export const extractor: Extractor = {
  id: "removed-apis",
  reads: ["env-spec"],
  roles: ["python", "notebook", "readme", "docs"],
  async extract(ctx) {
    table ??= readDataJson<{ rows: RemovedApi[] }>("removed-apis.json").rows;
    const byApi = new Map(table.map((r) => [r.api, r]));
    const apis = new Set(table.filter(isPath).map((r) => r.api));
    const forms = formsOf(table);
    const roots = new Set(table.map((r) => r.api.split(".")[0]!));
    const index = await preparePythonIndex(ctx.view);
    const found: Array<{ file: (typeof index.files)[number]; line: number; api: string; written: string }> = [];
    const shims = new Set<string>();
    for (const file of index.files) {
      if (file.bytes > MAX_BYTES || !file.imports.some((i) => roots.has(i.module.split(".")[0]!))) continue;
      const text = file.notebook ? sourceOf(ctx.view, file.path)?.text : ctx.view.read(file.path);
      if (!text) continue;
      const { uses, shims: set } = apiUses(text, apis, file.notebook, forms);
      for (const api of set) shims.add(api);
      for (const u of uses) found.push({ file, ...u });
    }
    // A shim anywhere (`np.int = int`) is the repo's own fix for the newer release. A file's first use of an API
    // stands for the file: one place per file, however often it repeats the name.
    const seen = new Set<string>();
    const live = found.filter((u) => {
      const key = `${u.file.path}\0${u.api}`;
      return !shims.has(u.api) && !seen.has(key) && (seen.add(key), true);
    });
    if (live.length === 0) return [];
    const packages = new Set(live.map((u) => byApi.get(u.api)!.package));
    const statements = statementsOf(ctx.facts.families["env-spec"] ?? [], repoStatedVersions(ctx.view), packages);
    const judged = live.map((u) => {
      const row = byApi.get(u.api)!;
      const { statements: s, fixedBy } = statements.get(row.package)!;
      return { ...u, row, verdict: pinVerdict(row, s, fixedBy) };
    });
    // One defect per library however many of its removed names the code uses: each record carries the summary of
    // its package's uses with the same verdict, for one finding per package.
    const summed = summaries(
      judged.map(({ file, line, row, verdict }) => ({
        ...row,
        file: file.path,
        place: placeWords(file, line),
        breaks: verdict.breaks,
      })),
    );
    const records: FactRecord[] = [];
    judged.forEach(({ file, line, api, written, row, verdict }, i) => {
      records.push(
        recordAt(file, line, {
          api,
          written,
          package: row.package,
          removedIn: row.removedIn,
          ...(row.restoredIn ? { restoredIn: row.restoredIn } : {}),
          source: row.source,
          instead: row.instead,
          environment: verdict.says,
          ...summed[i]!,
          breaks: verdict.breaks,
        }),
      );
    });
    return records;
  },
};
