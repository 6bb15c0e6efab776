import { describe, expect, it } from "vitest";
import { ProducedFiles, outputOptions, shellWrites } from "../../../../src/extract/families/data-refs/produced.js";

const lines = (text: string) => text.split("\n").map((t, i) => ({ line: i + 1, text: t }));

describe("produced files", () => {
  it("reads shell steps: variables, cd, unzip, mkdir, cp, wget -O, kaggle -p and redirections", () => {
    // From a real run script: ROOT set twice, data unzipped after a cd, csv files copied up.
    const script =
      "ROOT='/data/submit/rsna'\nRAW=$ROOT/data/raw\nmkdir $ROOT/preds\ncd $RAW\nunzip -qq comp.zip\ncd $ROOT\ncp $RAW/*.csv* $ROOT/data/\nwget https://x.org/w.pth -O checkpoints/w.pth\nkaggle datasets download -d a/b -p input/b\npython train.py > logs/out.txt\n";
    expect(shellWrites("bin/run.sh", lines(script)).map((w) => [w.path, w.what, w.by])).toEqual([
      ["/data/submit/rsna/preds", "made", "bin/run.sh:3"],
      ["/data/submit/rsna/data/raw", "filled", "bin/run.sh:5"],
      ["/data/submit/rsna/data/", "filled", "bin/run.sh:7"],
      ["/data/submit/rsna/checkpoints/w.pth", "file", "bin/run.sh:8"],
      ["/data/submit/rsna/input/b", "filled", "bin/run.sh:9"],
      ["/data/submit/rsna/logs/out.txt", "file", "bin/run.sh:10"],
    ]);
  });

  it("finds the write that makes a read: same file, a listed folder holding writes, a filled folder", () => {
    const produced = new ProducedFiles([
      {
        path: "../input/train.csv",
        by: "working/create_folds.py:23",
        what: "file",
        fromFile: "working/create_folds.py",
      },
      { path: "../weights/fold*.pth", by: "working/train.py:90", what: "file", fromFile: "working/train.py" },
      { path: "$ROOT/data/raw", by: "bin/run.sh:5", what: "filled", fromFile: "bin/run.sh" },
      { path: "preds", by: "bin/run.sh:3", what: "made", fromFile: "bin/run.sh" },
    ]);
    expect(produced.producer("../input/train.csv", "working/validation.py", false)).toBe("working/create_folds.py:23");
    expect(produced.producer("../weights/", "working/predict.py", true)).toBe("working/train.py:90");
    expect(produced.producer("data/raw/stage_2_train.csv", "scripts/prepare.py", false)).toBe("bin/run.sh:5");
    expect(produced.producer("preds/lstm*sub*", "scripts/bag.py", false)).toBeNull();
    expect(produced.producer("../input/train_labels.csv", "working/create_folds.py", false)).toBeNull();
  });

  it("takes a pattern whose name is only its extension as the writer of no fixed-name file", () => {
    const write = (path: string, by: string) => ({ path, by, what: "file" as const, fromFile: "stack.py" });
    const produced = new ProducedFiles([write("features/*.csv", "stack.py:3"), write("*/*_*.npy", "stack.py:4")]);
    expect(produced.producer("features/stage_1_train.csv", "seq.py", false)).toBeNull();
    expect(produced.producer("*/val_fold0.csv", "seq.py", false)).toBeNull();
    expect(produced.producer("*/val_fold*.csv", "seq.py", false)).toBeNull();
    expect(produced.producer("*/oof_0.npy", "seq.py", false)).toBeNull();
    // As unnamed as the pattern, or the folder it fills: that pattern may make it.
    expect(produced.producer("features/*.csv", "seq.py", false)).toBe("stack.py:3");
    expect(produced.producer("features", "seq.py", true)).toBe("stack.py:3");
    // A fixed part beyond the extension that agrees makes the match.
    const named = new ProducedFiles([write("features/oof_*.csv", "stack.py:5")]);
    expect(named.producer("features/oof_lgbm.csv", "seq.py", false)).toBe("stack.py:5");
    expect(named.producer("features/stage_1_train.csv", "seq.py", false)).toBeNull();
  });

  it("takes any program's output options as its writes: a file option's file, a folder option's folder", () => {
    const script =
      "cd src\npython infer.py --config a.yaml --save-file ../lb-predictions/bee0.pkl\npython tools/test.py cfg.py w.pth --out=pkl_preds/fold0.pkl\npython train.py --output_dir runs/exp1 --epochs 3\n";
    expect(shellWrites("infer.sh", lines(script)).map((w) => [w.path, w.what])).toEqual([
      ["src/../lb-predictions/bee0.pkl", "file"],
      ["src/pkl_preds/fold0.pkl", "file"],
      ["src/runs/exp1", "filled"],
    ]);
    const produced = new ProducedFiles(shellWrites("infer.sh", lines(script)));
    expect(produced.producer("../lb-predictions/bee0.pkl", "src/sub_kfold.py", false)).toBe("infer.sh:2");
    expect(produced.producer("runs/exp1/best.pth", "src/predict.py", false)).toBe("infer.sh:4");
  });

  it("reads only options that name an output, never an input or a number", () => {
    expect(
      outputOptions([
        "--data-dir",
        "input/",
        "--epochs",
        "3",
        "--outdir",
        "out/",
        "--output",
        "-v",
        "--save_path=w/best.pth",
      ]),
    ).toEqual([
      { path: "out", what: "filled" },
      { path: "w/best.pth", what: "file" },
    ]);
  });

  it("takes a bare output name as the stem of the files a tool writes, a script's -o, --output_json and tee", () => {
    // fasttext adds .bin and .vec to the name its -output gets; `unzip -o` and `grep -o` are flags.
    const script =
      "fasttext skipgram -input ../tmp/text.txt -output ../model/ft_model -dim 100\npython make.py -o feats/a.csv\nunzip -o data.zip\ngrep -o x log.txt > hits.txt\npython infer.py --output_json res/ans.json | tee run.log\n";
    const writes = shellWrites("src/ft.sh", lines(script));
    expect(writes.map((w) => [w.path, w.what])).toEqual([
      ["../model/ft_model", "filled"],
      ["../model/ft_model.*", "file"],
      ["feats/a.csv", "file"],
      ["hits.txt", "file"],
      ["res/ans.json", "file"],
      ["run.log", "file"],
    ]);
    const produced = new ProducedFiles(writes);
    expect(produced.producer("../model/ft_model.bin", "src/embed.py", false, true)).toBe("src/ft.sh:1");
    expect(produced.producer("../model/other.bin", "src/embed.py", false, true)).toBeNull();
  });
});
