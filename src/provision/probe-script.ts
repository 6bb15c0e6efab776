// The Python the import probe runs inside the image, and the reading of its answer (both pure).
import type { Facts } from "../model/facts.js";
import { factsOf, type ImportsFact } from "../model/fact-types.js";

export interface ProbeModule {
  /** Top-level module name. */
  module: string;
  /** "import": really imported (third-party: catches missing native libraries too); "find": located only,
   * never executed (the repo's own modules: importing them would run its code). */
  how: "import" | "find";
  /** Files that import it, in first-seen order; the first import's location. */
  files: string[];
  first: ImportsFact;
}

const MARKER = "REPRO_AUDIT_PROBE ";

/** The modules to probe: every third-party (and, when the code sits in the image, local) top-level import. */
export function probeModules(facts: Facts, includeLocal: boolean): ProbeModule[] {
  const byModule = new Map<string, ProbeModule>();
  for (const record of factsOf(facts, "imports")) {
    const origin = record.origin;
    if (origin !== "third-party" && !(includeLocal && origin === "local")) continue;
    const top = String(record.top ?? String(record.module ?? "").split(".")[0]);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(top) || top === "__future__") continue;
    const entry = byModule.get(top);
    if (!entry)
      byModule.set(top, {
        module: top,
        how: origin === "local" ? "find" : "import",
        files: [String(record.file)],
        first: record,
      });
    else if (!entry.files.includes(String(record.file))) entry.files.push(String(record.file));
  }
  return [...byModule.values()];
}

/** Folders of the importing files, so `import utils` from src/train.py finds src/utils.py. */
function importerDirs(modules: ProbeModule[]): string[] {
  const dirs = new Set<string>(["."]);
  for (const m of modules)
    for (const file of m.files) dirs.add(file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".");
  return [...dirs];
}

/** Python 3.6+ source; each import bounded by SIGALRM, output kept off stdout, one JSON line at the end. */
export function probeScript(modules: ProbeModule[], secondsEach = 60): string {
  const spec = JSON.stringify({
    modules: modules.map((m) => ({ name: m.module, how: m.how })),
    paths: importerDirs(modules),
    seconds: secondsEach,
  });
  return [
    "import importlib, importlib.util, json, os, signal, sys",
    `spec = json.loads(${JSON.stringify(spec)})`,
    "for d in reversed(spec['paths']):",
    "    sys.path.insert(0, os.path.abspath(d))",
    "def _late(*_):",
    "    raise TimeoutError('import took longer than %ds' % spec['seconds'])",
    "if hasattr(signal, 'SIGALRM'):",
    "    signal.signal(signal.SIGALRM, _late)",
    "out, sys.stdout = sys.stdout, sys.stderr",
    "results = {}",
    "for m in spec['modules']:",
    "    ok, err = True, None",
    "    try:",
    "        if hasattr(signal, 'alarm'): signal.alarm(spec['seconds'])",
    "        if m['how'] == 'find':",
    "            if importlib.util.find_spec(m['name']) is None:",
    "                ok, err = False, \"ModuleNotFoundError: No module named '%s'\" % m['name']",
    "        else:",
    "            importlib.import_module(m['name'])",
    "    except BaseException as e:",
    "        text = str(e).strip().splitlines()",
    "        ok, err = False, '%s: %s' % (type(e).__name__, text[0] if text else '')",
    "    finally:",
    "        if hasattr(signal, 'alarm'): signal.alarm(0)",
    "    results[m['name']] = {'ok': ok, 'error': err}",
    `out.write(${JSON.stringify(MARKER)} + json.dumps(results) + '\\n')`,
    "out.flush()",
    "os._exit(0)",
  ].join("\n");
}

export type ProbeAnswer = Record<string, { ok: boolean; error: string | null }>;

/** The JSON line the script printed, or null when it never got there. */
export function parseProbeOutput(stdout: string): ProbeAnswer | null {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(MARKER));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(MARKER.length)) as ProbeAnswer;
  } catch {
    return null;
  }
}

/** pip check's verdict: ok, broken (with its lines), or null when pip is not in the image. */
export function readPipCheck(exitCode: number | null, output: string): { ok: boolean; output: string } | null {
  if (/No module named pip/.test(output)) return null;
  if (exitCode === 0) return { ok: true, output: output.trim() };
  if (exitCode === 1) return { ok: false, output: output.trim() };
  return null;
}
