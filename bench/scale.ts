// `npm run bench:scale`: static audits of generated repos of 12,500 to 100,000 files (code, notebooks, data
// files in one mix) through the built CLI, each in its own process: wall time, time per 1,000 files and peak
// memory at every size, so growth that is not linear, or memory that follows the size, shows.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/io/package.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const SIZES = (process.env.BENCH_SCALE_SIZES ?? "12500,25000,50000,100000").split(",").map(Number);

/** The mix of one generated repo, per 100 files: 60 Python modules, 2 notebooks, 38 data files. */
function generate(root: string, files: number): number {
  let bytes = 0;
  const write = (rel: string, text: string | Buffer) => {
    const path = join(root, rel);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    bytes += text.length;
  };
  write(
    "README.md",
    "# Generated solution\n\n```bash\npip install -r requirements.txt\npython src/pkg0/m0.py --epochs 3\n```\n",
  );
  write("requirements.txt", "numpy==1.26.4\npandas==2.2.2\ntorch==2.3.1\n");
  for (let i = 0; i < files - 2; i++) {
    const dir = `pkg${Math.floor(i / 500)}`;
    const slot = i % 100;
    if (slot < 60) {
      write(
        `src/${dir}/m${i}.py`,
        [
          "import os",
          "import numpy as np",
          "import pandas as pd",
          `from ${dir} import common_${i % 7}`,
          "",
          `DATA = '../input/comp/train_${i % 13}.csv'`,
          "",
          `def load_${i}(root=DATA, size=${128 + (i % 4) * 64}):`,
          "    frame = pd.read_csv(os.path.join(root))",
          `    return np.asarray(frame.values[:size], dtype=np.float32) * ${(i % 9) + 1}`,
          "",
          `class Model${i}:`,
          "    def __init__(self, depth=4):",
          "        self.layers = [f'layer_{k}' for k in range(depth)]",
          "",
          "    def forward(self, x):",
          "        for name in self.layers:",
          "            x = x + len(name)",
          "        return x",
          "",
          "if __name__ == '__main__':",
          `    print(Model${i}().forward(load_${i}().sum()))`,
          "",
        ].join("\n"),
      );
    } else if (slot < 62) {
      const cells = Array.from({ length: 6 }, (_, k) => ({
        cell_type: "code",
        metadata: {},
        execution_count: k,
        outputs: [],
        source: [`import numpy as np\n`, `x = np.arange(${k + (i % 50)})\n`, `print(x.mean())\n`],
      }));
      write(
        `notebooks/${dir}/nb${i}.ipynb`,
        JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }, null, 1),
      );
    } else if (slot < 80) {
      write(
        `data/${dir}/t${i}.csv`,
        `id,target\n${Array.from({ length: 40 }, (_, k) => `${k},${(k * i) % 7}`).join("\n")}\n`,
      );
    } else {
      write(`data/${dir}/img${i}.png`, Buffer.alloc(1500, i % 251));
    }
  }
  return bytes;
}

function audit(root: string): { seconds: number; peakMB: number | null } {
  const out = join(root, "..", "report.json");
  const started = performance.now();
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, CLI, "audit", root, "--stages", "static", "--format", "json", "--out", out],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`audit of ${root} exited ${run.status}: ${run.stderr.trim().split("\n").slice(-2).join(" ")}`);
  const peakKB = Number(run.stderr.trim().split("\n").pop());
  return { seconds, peakMB: Number.isFinite(peakKB) ? peakKB / 1024 : null };
}

const work = mkdtempSync(join(tmpdir(), "repro-audit-bench-scale-"));
try {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (1, 5, 15 min) on ${process.env.BENCH_CORES ?? "this machine's"} cores`,
  );
  console.log("files     MB      audit s   s per 1,000 files   peak RSS MB   load (1 min)");
  const rows: Array<{ files: number; seconds: number; peakMB: number | null }> = [];
  for (const files of SIZES) {
    const root = join(work, `repo-${files}`);
    mkdirSync(root);
    const bytes = generate(root, files);
    const { seconds, peakMB } = audit(root);
    rows.push({ files, seconds, peakMB });
    console.log(
      `${String(files).padEnd(9)} ${(bytes / 1e6).toFixed(1).padStart(6)}  ${seconds.toFixed(2).padStart(8)}   ${((1000 * seconds) / files).toFixed(3).padStart(17)}   ${(peakMB?.toFixed(0) ?? "?").padStart(11)}   ${loadavg()[0]!.toFixed(1).padStart(12)}`,
    );
    rmSync(root, { recursive: true, force: true });
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  console.log(
    `time per file, largest / smallest: ${(last.seconds / last.files / (first.seconds / first.files)).toFixed(2)} (1.00: linear)`,
  );
  // Memory's slope where it matters most: a fixed cost cancels out, what each further file costs remains.
  const before = rows[rows.length - 2];
  if (before && before.peakMB !== null && last.peakMB !== null)
    console.log(
      `peak RSS growth from ${before.files} to ${last.files} files: ${((1000 * (last.peakMB - before.peakMB)) / (last.files - before.files)).toFixed(2)} MB per 1,000 files (${(last.peakMB - before.peakMB).toFixed(0)} MB for ${last.files - before.files} files)`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}
