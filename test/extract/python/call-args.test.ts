import { describe, expect, it } from "vitest";
import { indexPythonText } from "../../../src/extract/python/file-index.js";

const index = (lines: string[]) => indexPythonText("src/x.py", lines.join("\n") + "\n", false);
const firstArg = (lines: string[]) =>
  index(lines).calls.map((c) => ({
    callee: c.callee,
    path: c.args[0]?.path ?? null,
    root: c.args[0]?.root,
    probed: c.probed === true,
  }));

describe("paths the code spells", () => {
  it("fills f-string fields from constants, templates from .format and %, and the file's own folder from __file__", () => {
    expect(
      firstArg([
        "ROOT = '../input/osic'",
        "CUR_DIR = os.path.dirname(os.path.abspath(__file__))",
        "a = pd.read_csv(f'{ROOT}/train.csv')",
        "b = np.load('feats/fold{}.npy'.format(k))",
        "c = pd.read_csv('oof_%d_%s.csv' % (k, name))",
        "d = open(osp.join(osp.dirname(__file__), '../data/color.jpg'))",
        "e = open(os.path.join(CUR_DIR, 'SETTINGS.json'))",
      ]),
    ).toEqual([
      { callee: "pd.read_csv", path: "../input/osic/train.csv", root: undefined, probed: false },
      { callee: "np.load", path: "feats/fold*.npy", root: undefined, probed: false },
      { callee: "pd.read_csv", path: "oof_*_*.csv", root: undefined, probed: false },
      { callee: "open", path: "./../data/color.jpg", root: undefined, probed: false },
      { callee: "open", path: "./SETTINGS.json", root: undefined, probed: false },
    ]);
  });

  it("names the config key an unknown root stands for, and marks reads under an existence test", () => {
    expect(
      firstArg([
        "x = pd.read_csv(cfg.data_dir / 'train.csv')",
        "y = pd.read_csv(os.path.join(SETTINGS.RAW_DATA_DIR, 'comp', 'test.csv'))",
        "z = pd.read_csv(f\"{settings['ROOT']}/a.csv\")",
        "if os.path.exists(cache):",
        "    w = np.load(cache + '/x.npy')",
        "v = np.load(p) if os.path.isfile(p) else None",
      ]),
    ).toEqual([
      { callee: "pd.read_csv", path: "*/train.csv", root: "data_dir", probed: false },
      { callee: "pd.read_csv", path: "*/comp/test.csv", root: "RAW_DATA_DIR", probed: false },
      { callee: "pd.read_csv", path: "*/a.csv", root: "ROOT", probed: false },
      { callee: "np.load", path: "*/x.npy", root: "cache", probed: true },
      { callee: "np.load", path: "*", root: "p", probed: true },
    ]);
  });

  it("marks reads tried with a fallback for a missing file, not those whose handler raises or catches something else", () => {
    expect(
      firstArg([
        "try:",
        "    a = np.load('cache/a.npy')",
        "except FileNotFoundError:",
        "    a = compute()",
        "try:",
        "    b = np.load('cache/b.npy')",
        "except (KeyError, OSError) as e:",
        "    b = None",
        "try:",
        "    c = np.load('cache/c.npy')",
        "except FileNotFoundError:",
        "    raise",
        "try:",
        "    d = np.load('cache/d.npy')",
        "except KeyError:",
        "    d = None",
        "try:",
        "    e = np.load('cache/e.npy')",
        "except:",
        "    pass",
      ]).map((c) => [c.path, c.probed]),
    ).toEqual([
      ["cache/a.npy", true],
      ["cache/b.npy", true],
      ["cache/c.npy", false],
      ["cache/d.npy", false],
      ["cache/e.npy", true],
    ]);
  });

  it("records what the code writes: the path argument of each writer, open for writing, and checkpoints saved out of sight", () => {
    expect(
      index([
        "df.to_csv('../input/train.csv', index=False)",
        "torch.save(model.state_dict(), f'../weights/fold{fold}.pth')",
        "pd.to_pickle(all_texts, 'cat2vec_data/all_texts.pkl')",
        "with open('sub.csv', 'w') as f: pass",
        "with open('in.csv') as f: pass",
        "os.makedirs('preds', exist_ok=True)",
        "torch.save(state, path)",
      ]).writes,
    ).toEqual([
      { line: 1, path: "../input/train.csv", call: "df.to_csv" },
      { line: 2, path: "../weights/fold*.pth", call: "torch.save" },
      { line: 3, path: "cat2vec_data/all_texts.pkl", call: "pd.to_pickle" },
      { line: 4, path: "sub.csv", call: "open" },
      { line: 6, path: "preds", call: "os.makedirs" },
      { line: 7, path: "*", call: "torch.save" },
    ]);
  });

  it("reads a % template joined to a root with +, and never takes open's mode for the path it writes", () => {
    expect(
      index([
        "OUT = '/tmp/o'",
        "open(OUT + '/out_%s.pkl' % m.__name__, 'w').write('x')",
        "f = open(PRED + '/ira_%s.pkl' % config().__name__, 'wb')",
        "g = open(name + suffix, 'wb')",
      ]).writes,
    ).toEqual([
      { line: 2, path: "/tmp/o/out_*.pkl", call: "open" },
      // The name the unknown root ends in, for a config's value of it.
      { line: 3, path: "*/ira_*.pkl", call: "open", root: "PRED" },
    ]);
  });
});

describe("paths through dict items and a formatted join", () => {
  const paths = (lines: string[]) =>
    index(lines)
      .calls.filter((c) => c.callee !== "osp.join")
      .map((c) => c.args[0]?.path ?? null);

  it("takes a dict literal's string items and their later assignments, unknown where the value is", () => {
    expect(
      paths([
        "SETUP = {'run_dir': 'runs/base', \"ckpt_dir\": 'ckpts', 'n': 3}",
        "a = open(osp.join(SETUP['run_dir'], SETUP['ckpt_dir'], 'x.bin'))",
        "SETUP['run_dir'] = args.run",
        "SETUP['run_dir'] = osp.join(SETUP['run_dir'], f'fold_{k}')",
        "b = open(osp.join(SETUP['run_dir'], SETUP['ckpt_dir'], 'y.bin'))",
        "c = open(osp.join(SETUP['n'], 'z.bin'))",
      ]),
    ).toEqual(["runs/base/ckpts/x.bin", "*/fold_*/ckpts/y.bin", "*/z.bin"]);
  });

  it("fills an f-string's dict-item fields, in either quotes", () => {
    expect(
      paths(["SETUP = {'out': 'runs'}", "a = open(f'{SETUP[\"out\"]}/a.csv')", "b = open(f\"{SETUP['out']}/b.csv\")"]),
    ).toEqual(["runs/a.csv", "runs/b.csv"]);
  });

  it("reads os.path.join(...).format(...) as the joined path with its fields unknown", () => {
    expect(paths(["f = open(osp.join('runs', d, 'Score{:.4f}_e{}.bin').format(s, e))"])).toEqual([
      "runs/*/Score*_e*.bin",
    ]);
    expect(paths(["f = open(name.format(s))"])).toEqual(["*"]);
  });
});
