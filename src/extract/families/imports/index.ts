// Fact family `imports`: every import, where it comes from and whether (and where) the environment
// declares it: a spec file covering the importing file's folder, an install command in a README block,
// script or notebook, or a base image that ships it.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import type { PythonSource, RepoView } from "../../../model/repo-view.js";
import type { Extractor } from "../../extractor.js";
import { recordAt } from "../../python/locate.js";
import {
  distributionForName,
  distributionOf,
  isPython2Stdlib,
  isKnownDistribution,
  isStdlib,
  normalizeDistribution,
  satisfyingNames,
  variantBase,
} from "../../python/packages.js";
import { preparePythonIndex, reachableFrom } from "../../python/repo-index.js";
import { ENTRY_POINT_READS, entryPoints } from "../../python/entry-points.js";
import { extensionTops, submoduleMatcher } from "./local-modules.js";
import { imageInfo } from "../../parse/images.js";
import { memberFolders, memberOf } from "./member-folders.js";
import { specLessFolders } from "./spec-less-folders.js";
import { neededDistributions } from "./reconstruct.js";
import { repoStatedVersions } from "../../parse/stated-versions.js";
import { stemOf, uncommittedLocals } from "./uncommitted-local.js";
import { clonedFolders } from "../../shell/cloned-folders.js";
import { installedFolders } from "./installed-folders.js";
import { suffixedFile } from "./suffixed-file.js";
import { missingModule, type RepoTree } from "./missing-module.js";
import { LOCK_FILES, lockedNames } from "../../parse/locks.js";
import { flagOff, guardingFlag } from "./off-flag.js";
import { sysPathFolders } from "../../python/sys-path-folders.js";
import { missingName, type NameTree } from "./missing-name.js";
import { pythonParser, withTree } from "../../python/tree-sitter.js";
import { topLevelNames, type TopNames } from "../../python/top-names.js";
import type { Parser } from "web-tree-sitter";
import { partlySpecifiedBy } from "./partial-environment.js";
import { fileProviders, providerOf, type Provider } from "./file-provided.js";

interface Declaration {
  /** Folder the declaration covers ("" for the whole repo). */
  scope: string;
  by: string;
}

/** Spec kinds that describe the whole repo wherever they sit: an image, a conda env, a Pipfile. */
const WHOLE_REPO =
  /(?:^|\/)(?:Dockerfile[^/]*|[^/]*\.docker|Containerfile|environment[^/]*\.ya?ml|conda[^/]*\.ya?ml|env[^/]*\.ya?ml|Pipfile(?:\.lock)?)$/i;

/** Distributions each release of which requires one exact torch release. */
const TORCH_COMPANIONS: ReadonlySet<string> = new Set(["torchvision", "torchaudio", "torchtext"]);

export const extractor: Extractor = {
  id: "imports",
  reads: ["env-spec", ...ENTRY_POINT_READS],
  roles: ["python", "notebook", "readme", "docs", "shell", "dockerfile", "requirements"],
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const spec = ctx.facts.families["env-spec"] ?? [];
    // A notebook's `!pip install` declares what it names, but alone it is no spec of the repo's; a README's package
    // table is one (with no spec file, what it leaves out has no source, as requirements-spec-present takes it).
    const hasSpec = spec.some(
      (r) =>
        r.kind === "package" ||
        r.kind === "spec-file" ||
        (r.kind === "install" && r.via !== "notebook") ||
        r.kind === "image",
    );
    // A spec file in a folder holding code of its own is that sub-project's: it covers the code beneath it.
    const codeFolders = new Set<string>();
    for (const f of index.files)
      for (let d = f.path; d.includes("/");) codeFolders.add((d = d.slice(0, d.lastIndexOf("/"))));
    const members = memberFolders(
      spec.filter((r) => r.kind === "spec-file").map((r) => String(r.file)),
      index.files.map((f) => f.path),
    );
    const scopeOf = (file: string): string => {
      // An environment file covers the whole repo, except one in a member's folder: that member's.
      if (WHOLE_REPO.test(file)) return memberOf(file, members) ?? "";
      for (
        let d = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
        d !== "";
        d = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : ""
      )
        if (codeFolders.has(d)) return d;
      return "";
    };
    const declared = new Map<string, Declaration[]>();
    // A build variant declares its base too (nvidia-dali-nightly-cuda110 provides nvidia.dali).
    const declare = (name: string, d: Declaration) => {
      for (const key of new Set([name, variantBase(name)]))
        (declared.get(key) ?? declared.set(key, []).get(key)!).push(d);
    };
    for (const r of spec) {
      const at = `${r.file}${typeof r.line === "number" ? `:${r.line}` : ""}`;
      if ((r.kind === "package" || r.kind === "install") && typeof r.name === "string") {
        const scope = r.kind === "install" ? "" : scopeOf(String(r.file));
        declare(normalizeDistribution(r.name), { scope, by: at });
        // An import name on the spec (sklearn for scikit-learn) that the index flags: the spec means that
        // distribution, and the failing install is the flagged line's own finding, not an undeclared import.
        if (typeof r.indexProblem === "string" && distributionForName(r.name) !== normalizeDistribution(r.name))
          declare(distributionForName(r.name), { scope, by: at });
        // Each release of a torch companion requires one torch: its exact pin fixes the torch it installs.
        if (r.pinned === true && TORCH_COMPANIONS.has(normalizeDistribution(r.name)))
          declare("torch", { scope, by: `${at} (${r.name}${String(r.spec ?? "")} fixes the torch it installs)` });
      }
      if (r.kind === "image" && typeof r.image === "string") {
        for (const name of imageInfo(r.image)?.ships ?? [])
          declare(normalizeDistribution(name), { scope: "", by: `${at} (image ${r.image})` });
      }
    }
    // A committed lock (poetry.lock, Pipfile.lock, uv.lock) installs every package it locks, its spec's
    // dependencies' dependencies included: Pillow locked for torchvision is installed at the locked version.
    for (const entry of ctx.view.files()) {
      const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
      if (entry.skipped || !Object.hasOwn(LOCK_FILES, name)) continue;
      for (const locked of lockedNames(name, ctx.view.read(entry.path) ?? ""))
        declare(normalizeDistribution(locked), { scope: scopeOf(entry.path), by: `${entry.path} (locked)` });
    }
    // A sub-project's spec also covers the code that runs with it: the shared code it imports, and every
    // script that uses the sub-project with all that script imports (scripts/ training with the repo's own
    // `somen` library and `hpa` package run in the environment somen/requirements.txt makes).
    const reached = new Map<string, Set<string>>();
    const scopes = [
      ...new Set(
        [...declared.values()]
          .flat()
          .map((d) => d.scope)
          .filter((x) => x !== ""),
      ),
    ];
    // Only a folder the rerun installs makes its package importable from elsewhere.
    const installed = scopes.length ? [...installedFolders(ctx.view, ctx.facts.families["readme"] ?? [])] : [];
    const entryReach = scopes.length
      ? [...entryPoints(index, ctx.facts)].map((e) => reachableFrom(index, [e], installed))
      : [];
    for (const scope of scopes) {
      const under = (p: string) => p.startsWith(`${scope}/`);
      const covered = reachableFrom(
        index,
        index.files.filter((f) => under(f.path)).map((f) => f.path),
        installed,
      );
      for (const reach of entryReach) if ([...reach].some(under)) for (const p of reach) covered.add(p);
      reached.set(scope, covered);
    }
    const builtHere = extensionTops(ctx.view);
    const onSysPath = sysPathTops(
      ctx.view,
      index.files.map((f) => f.path),
    );
    const fromSubmodule = submoduleMatcher(ctx.view);
    const tree = repoTree(ctx.view, index.pyPaths);
    // The grammar is loaded only for a repo that takes names from modules of its own.
    const takesOwnNames = index.files.some(
      (f) =>
        !f.notebook &&
        f.imports.some((i) => i.names.length > 0 && (i.level > 0 || index.localTops.has(i.module.split(".")[0]!))),
    );
    const nameTree = namesTree(tree, ctx.view, index, takesOwnNames ? await pythonParser() : null);
    // Flags the committed code and configs set off and nowhere on: an import only they guard never runs.
    const offFlags = new Map<string, boolean>();
    let configTexts: string[] | null = null;
    const isOff = (flag: string) => {
      configTexts ??= [
        ...[...ctx.view.python()].map((p) => p.text),
        ...ctx.view
          .files()
          .filter((e) => !e.skipped && e.size < 200_000 && /\.(?:ya?ml|json|cfg|toml)$/.test(e.path))
          .map((e) => ctx.view.read(e.path) ?? ""),
      ];
      return offFlags.get(flag) ?? offFlags.set(flag, flagOff(flag, configTexts)).get(flag)!;
    };
    const records: FactRecord[] = [];
    // The same module is imported by many files: judge its origin once, its declaration per folder.
    const judged = new Map<string, { top: string; origin: string; distribution: string }>();
    let sources: Map<string, PythonSource> | null = null;
    for (const file of index.files) {
      const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
      let sysPath: string[] | null = null;
      let fileText: string | null = null;
      let providers: Provider[] | null = null;
      for (const imp of file.imports) {
        const module = ".".repeat(imp.level) + imp.module;
        // The name taken goes in the key: inside a namespace package it names the module (google.cloud bigquery).
        const key = `${module} ${imp.names[0] ?? ""}`;
        let verdict = judged.get(key);
        if (!verdict) {
          const top = imp.module.split(".")[0] || (imp.names[0] ?? "");
          const local =
            imp.level > 0 || index.localTops.has(top) || builtHere.has(top) || fromSubmodule(top) || onSysPath.has(top);
          const origin = local ? "local" : isStdlib(top) || isPython2Stdlib(top) ? "stdlib" : "third-party";
          judged.set(
            key,
            (verdict = {
              top,
              origin,
              distribution: origin === "third-party" ? distributionOf(imp.module, imp.names) : top,
            }),
          );
        }
        let by: string | null = null;
        if (verdict.origin === "third-party" && hasSpec) {
          for (const name of satisfyingNames(verdict.distribution)) {
            const d = declared
              .get(name)
              ?.find(
                (x) =>
                  x.scope === "" ||
                  dir === x.scope ||
                  dir.startsWith(`${x.scope}/`) ||
                  reached.get(x.scope)!.has(file.path),
              );
            if (d) {
              by = d.by;
              break;
            }
          }
        }
        const fields: Record<string, string | boolean | null> = {
          module,
          top: verdict.top,
          origin: verdict.origin,
          distribution: verdict.distribution,
          declared: verdict.origin === "third-party" && hasSpec ? by !== null : null,
          optional: imp.optional === true,
        };
        if (verdict.origin === "third-party" && imp.optional !== true && !file.notebook) {
          const flag = guardingFlag((fileText ??= ctx.view.read(file.path) ?? ""), imp.line);
          if (flag !== null && isOff(flag)) fields.optional = true;
        }
        if (by) fields.declaredBy = by;
        // A module the file brings itself (a folder it puts on sys.path, a path it pip-installs) is that line's.
        if (verdict.origin === "third-party" && by === null) {
          sources ??= new Map([...ctx.view.python()].map((p) => [p.path, p]));
          const source = sources.get(file.path);
          providers ??= source ? fileProviders(source.text, source.shell ?? []) : [];
          const known = isKnownDistribution(verdict.distribution);
          const indented = /^[ \t]+\S/.test(source?.text.split("\n", imp.line)[imp.line - 1] ?? "");
          const provider = providerOf(providers, verdict.top, imp.line, known, indented);
          if (provider) fields.providedBy = `${file.path}:${provider.line} ${provider.says}`;
        }
        // `import utils.py`: the repo's utils.py, spelt so that Python 3 cannot import it; no package to install.
        const spelt = suffixedFile(imp, dir, (p) => index.pyPaths.has(p));
        if (spelt !== null) Object.assign(fields, { origin: "local", declared: null, suffixedFile: spelt });
        // A module of the repo's own package that is not there (`from .dataset import X` beside datasets.py).
        if (
          spelt === null &&
          !file.notebook &&
          imp.optional !== true &&
          (imp.level > 0 || verdict.origin === "local")
        ) {
          sysPath ??= sysPathFolders(ctx.view.read(file.path) ?? "", file.path, "", (p) => ctx.view.isDir(p));
          const missing = missingModule(imp, dir, sysPath, tree);
          if (missing !== null) Object.assign(fields, { origin: "local", declared: null, missingModule: missing });
          // A name the standard library or a package also answers to is the repo's module only beside the file.
          const foreign =
            imp.level === 0 &&
            (isStdlib(verdict.top) ||
              isPython2Stdlib(verdict.top) ||
              isKnownDistribution(verdict.top) ||
              declared.has(normalizeDistribution(verdict.top)));
          const lacking = missing === null ? missingName(imp, dir, sysPath, foreign, nameTree) : null;
          if (lacking !== null)
            Object.assign(fields, {
              origin: "local",
              declared: null,
              missingName: lacking.names,
              nameModule: lacking.module,
            });
        }
        if (verdict.origin === "stdlib" && isPython2Stdlib(verdict.top)) fields.python2 = true;
        records.push(recordAt(file, imp.line, fields));
      }
    }
    // An undeclared name the code takes its own classes from, and that something says was a local folder, is
    // the repo's own code left uncommitted, not a package to install.
    // A folder a documented `git clone` makes (`git clone https://github.com/x/pyconv`, then
    // `sys.path.append('pyconv')`) is that clone's code: provided by the step, neither own nor undeclared.
    const clones = clonedFolders(ctx.view);
    const cloned = new Map([...clones].map(([folder, by]) => [stemOf(folder), by]));
    const undeclared = new Set(
      records
        .filter((r) => r.origin === "third-party" && r.declared !== true && r.optional !== true)
        .map((r) => String(r.top))
        .filter((top) => !cloned.has(top.toLowerCase())),
    );
    const uncommitted = uncommittedLocals(ctx.view, index.files, undeclared, spec, new Set(clones.keys()));
    for (const r of records) {
      if (r.origin !== "third-party" || r.declared === true) continue;
      const clone = cloned.get(String(r.top).toLowerCase());
      if (clone) r.clonedFrom = clone;
      const local = uncommitted.get(String(r.top));
      if (local) Object.assign(r, local);
    }
    // A folder with no spec whose imports only a sibling's spec declares: one finding for the folder.
    const elsewhere = (distribution: string) => [
      ...new Set(
        satisfyingNames(distribution)
          .flatMap((n) => declared.get(n) ?? [])
          .filter((d) => d.scope !== "")
          .map((d) => d.by.replace(/ \(.*$/, "").replace(/:\d+$/, "")),
      ),
    ];
    const specFiles = spec.flatMap((r) => (r.kind === "spec-file" ? [String(r.file)] : []));
    records.push(...specLessFolders(records, specFiles, elsewhere));
    // Where the repo has no spec file or install command, the list a spec would need, as `repro-audit
    // requirements` writes it.
    // A setup.py that cannot run (it opens a file the repo lacks) declares nothing: it is no spec file here.
    const noSpecFile = !spec.some(
      (r) => (r.kind === "spec-file" && r.cannotRun !== true) || (r.kind === "install" && r.via !== "notebook"),
    );
    if (noSpecFile && index.files.length > 0) {
      const needed = neededRecord(records, spec, ctx.view);
      const partly = partlySpecifiedBy(spec, ctx.facts.families["readme"] ?? [], (p) => ctx.view.read(p));
      records.push(partly ? { ...needed, partlySpecifiedBy: partly } : needed);
    }
    return records;
  },
};

/** The repo's Python files, the folders holding them, and every file's folder and stem (`ops/nms` for
 * ops/nms.cpython-310.so). */
function repoTree(view: RepoView, pyPaths: ReadonlySet<string>): RepoTree {
  const folders = new Set<string>();
  for (const path of pyPaths)
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) folders.add(path.slice(0, i));
  const stems = new Set<string>();
  for (const e of view.files()) {
    const slash = e.path.lastIndexOf("/");
    const name = e.path.slice(slash + 1);
    stems.add(`${e.path.slice(0, Math.max(0, slash))}/${name.split(".")[0]}`);
  }
  return {
    isPy: (p) => pyPaths.has(p),
    isPackageDir: (p) => folders.has(p),
    hasStem: (folder, stem) => stems.has(`${folder}/${stem}`),
  };
}

/** The repo tree with each module's top-level names, parsed once per module and only when an import asks. */
function namesTree(
  tree: RepoTree,
  view: RepoView,
  index: { byPath: Map<string, { syntaxError: unknown; bytes: number }> },
  parser: Parser | null,
): NameTree {
  const cache = new Map<string, TopNames | null>();
  const namesOf = (path: string): TopNames | null => {
    if (cache.has(path)) return cache.get(path)!;
    const file = index.byPath.get(path);
    const text = file && !file.syntaxError && file.bytes < 1_000_000 ? view.read(path) : null;
    const names =
      text === null || parser === null
        ? null
        : withTree(parser, text, (root) => (root.hasError ? null : topLevelNames(root, text)));
    cache.set(path, names ?? null);
    return names ?? null;
  };
  return { ...tree, namesOf };
}

/** Modules the code puts on its own import path (`sys.path.insert(0, 'scripts')`, `sys.path.append("../src")`):
 * the .py files and packages of those folders, tried from the root and from the file's folder. */
function sysPathTops(view: RepoView, files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of files) {
    const text = view.read(path);
    if (text === null || !text.includes("sys.path")) continue;
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    for (const m of text.matchAll(/sys\.path\.(?:insert\(\s*\d+\s*,|append\()\s*r?['"]([^'"]+)['"]\s*\)/g)) {
      for (const base of ["", dir]) folders.add(posix.normalize(posix.join(base, m[1]!)).replace(/^\.\/?|\/$/g, ""));
    }
  }
  const tops = new Set<string>();
  if (folders.size === 0) return tops;
  for (const e of view.files()) {
    const folder = e.path.includes("/") ? e.path.slice(0, e.path.lastIndexOf("/")) : "";
    const name = e.path.slice(folder.length ? folder.length + 1 : 0);
    if (folders.has(folder) && /\.py$/.test(name)) tops.add(name.replace(/\.py$/, ""));
    // A package inside such a folder: <folder>/<pkg>/__init__.py.
    const parent = folder.includes("/") ? folder.slice(0, folder.lastIndexOf("/")) : "";
    if (name === "__init__.py" && folders.has(parent)) tops.add(folder.slice(parent.length ? parent.length + 1 : 0));
  }
  return tops;
}

/** One record naming the distributions the code needs (not those imported only behind ImportError). */
function neededRecord(records: FactRecord[], spec: FactRecord[], view: RepoView): FactRecord {
  const needed = neededDistributions(
    { families: { imports: records, "env-spec": spec }, notCollected: {} },
    repoStatedVersions(view),
  ).filter((n) => !n.optional);
  const names = needed.map((n) => (n.version ? `${n.distribution}==${n.version}` : n.distribution));
  return {
    kind: "needed",
    distributions: names.length ? names.join(", ") : "none beyond the standard library",
    count: names.length,
  };
}
