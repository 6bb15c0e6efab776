// The `inventory` family: what the repo holds, and every file a reader could not read or parse.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { parseConfig } from "../../parse/config-parse.js";
import { flattenNotebook } from "../../view/notebook.js";
import { walkIssues } from "../../view/walk.js";
import { inCopy, vendoredCopies, wholeView } from "../../view/vendored.js";
import { buildArtefacts } from "./build-artefacts.js";
import { refCheckouts } from "./ref-checkouts.js";
import { clonedFolders } from "../../shell/cloned-folders.js";
import { submodulesOf } from "../../parse/gitmodules.js";
import { FETCHES_SUBMODULES } from "./submodules.js";
import { filesWithRole } from "../../view/file-roles.js";

export const extractor: Extractor = {
  id: "inventory",
  reads: [],
  roles: [
    "python",
    "notebook",
    "config",
    "conda",
    "pyproject",
    "setup",
    "kernel-metadata",
    "shell",
    "readme",
    "docs",
    "dockerfile",
  ],
  extract({ view, branchView }) {
    const files = view.files();
    const records: FactRecord[] = [
      {
        kind: "summary",
        files: files.length,
        pythonFiles: files.filter((f) => f.kind === "python").length,
        notebooks: files.filter((f) => f.kind === "notebook").length,
        configs: files.filter((f) => f.kind === "config").length,
        bytes: files.reduce((sum, f) => sum + f.size, 0),
      },
    ];
    // Skipped files: the walk decides which skips matter (a skipped 2 GB .csv does not); a view that was
    // not walked (memoryView) reports what its entries say.
    const copies = vendoredCopies(view);
    const walked = walkIssues(wholeView(view))?.filter((r) => typeof r.file !== "string" || !inCopy(copies, r.file));
    const skipped =
      walked ??
      files.filter((f) => f.skipped).map((f) => ({ kind: "skipped", file: f.path, reason: f.skipped!, size: f.size }));
    for (const item of skipped) records.push(item);
    // Build artefacts: one record for them all (one finding, not one per .pyc).
    const artefacts = buildArtefacts(files.map((f) => f.path));
    if (artefacts)
      records.push({
        kind: "build-artefacts",
        file: artefacts.first,
        count: artefacts.items.length,
        paths: artefacts.items.join(", "),
      });
    // Launchers (scripts and code, not READMEs) that check out another git ref before they run; a final
    // checkout of the audited branch (or main, master) only returns to the tree audited here.
    const others = new Set(branchView?.others().flatMap((b) => [b.name, b.name.replace(/^origin\//, "")]) ?? []);
    const home = new Set(["main", "master", ...(branchView?.names().filter((n) => !others.has(n)) ?? [])]);
    const cloned = [...clonedFolders(view).keys()];
    for (const entry of files) {
      if (entry.skipped || inCopy(copies, entry.path) || !/\.(?:sh|bash|py)$/.test(entry.path)) continue;
      const text = view.read(entry.path);
      if (text === null) continue;
      for (const c of refCheckouts(text, entry.path.endsWith(".py"), home, cloned))
        records.push({ kind: "ref-checkout", file: entry.path, line: c.line, ref: c.ref, command: c.command });
    }
    // Submodules, and whether any instruction or script fetches them (a plain clone leaves their folders empty).
    const submodules = submodulesOf(view.read(".gitmodules") ?? "");
    if (submodules.length > 0) {
      const documented = filesWithRole(view, "readme", "docs", "shell", "makefile", "dockerfile", "text").some(
        (e) => !e.skipped && FETCHES_SUBMODULES.test(view.read(e.path) ?? ""),
      );
      for (const s of submodules)
        records.push({
          kind: "submodule",
          file: ".gitmodules",
          line: s.line,
          folder: s.folder,
          url: s.url,
          documented,
        });
    }
    for (const entry of files) {
      if (entry.skipped || (entry.kind !== "config" && entry.kind !== "notebook")) continue;
      const text = view.read(entry.path);
      if (text === null) continue;
      if (entry.kind === "notebook") {
        const json = parseConfig(text, "json");
        const flat = json.ok ? flattenNotebook(text) : null;
        if (!json.ok) records.push(malformed(entry.path, "ipynb", json.line, json.message));
        else if (flat && !flat.ok) records.push(malformed(entry.path, "ipynb", null, flat.reason));
        continue;
      }
      if (text.trim() === "") continue;
      const parsed = parseConfig(text, entry.configFormat ?? "json");
      if (!parsed.ok) records.push(malformed(entry.path, entry.configFormat ?? "json", parsed.line, parsed.message));
    }
    return records;
  },
};

function malformed(file: string, format: string, line: number | null, message: string): FactRecord {
  // `reason` too, so one message template serves both record shapes.
  return {
    kind: "malformed",
    file,
    ...(line !== null ? { line } : {}),
    format,
    message,
    reason: `malformed ${format.toUpperCase()}: ${message}`,
  };
}
