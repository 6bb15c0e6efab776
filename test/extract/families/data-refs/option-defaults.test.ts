// A read under the folder a command-line option names, the option left at its default by every documented command.
import { describe, expect, it } from "vitest";
import { optionDefaults, passesOption } from "../../../../src/extract/families/data-refs/option-defaults.js";
import type { PyCall } from "../../../../src/extract/python/call-args.js";
import { evidenceOf } from "../rerun-plan/plan-repo.js";

const option = (flag: string, value: string, extra: PyCall["args"] = []): PyCall => ({
  line: 3,
  callee: "parser.add_argument",
  decorator: false,
  args: [
    { name: null, kind: "string", value: flag, path: null },
    { name: "default", kind: "string", value, path: value },
    ...extra,
  ],
});

describe("optionDefaults", () => {
  it("maps each option's attribute to its string default, unless a command passes it", () => {
    const calls = [option("--tokenizer_dir", "."), option("--out-dir", "out"), option("--data", "input")];
    const got = optionDefaults(calls, (o) => o === "--data");
    expect([...got]).toEqual([
      ["tokenizer_dir", { value: ".", line: 3 }],
      ["out_dir", { value: "out", line: 3 }],
    ]);
  });
  it("takes dest= for the attribute", () => {
    const calls = [option("--tok", ".", [{ name: "dest", kind: "string", value: "tokenizer_dir", path: null }])];
    expect([...optionDefaults(calls, () => false).keys()]).toEqual(["tokenizer_dir"]);
  });
});

describe("passesOption", () => {
  it("finds the option in either spelling, never as the start of a longer one", () => {
    expect(passesOption(["python train.py --tokenizer-dir x"], "--tokenizer_dir")).toBe(true);
    expect(passesOption(["python train.py --tokenizer_dir=x"], "--tokenizer_dir")).toBe(true);
    expect(passesOption(["python train.py --tokenizer_dir_2 x"], "--tokenizer_dir")).toBe(false);
  });
});

describe("datasets-data-available: a file under an option's default folder", () => {
  const RULE = "datasets-data-available";
  const files = (run: string, prep: string) => ({
    "README.md": `# S\n\n\`\`\`bash\npython prep.py\n${run}\n\`\`\`\n`,
    "requirements.txt": "pandas==2.0.0\n",
    "prep.py": `import os\nimport pickle\nfor i in range(5):\n    d = os.path.join('folds', f'fold{i}')\n${prep}`,
    "train.py":
      "import argparse\nimport os\nimport pickle\np = argparse.ArgumentParser()\n" +
      "p.add_argument('--tokenizer_dir', default='.')\nargs = p.parse_args()\n" +
      "# pickle.dump({}, open(os.path.join(args.tokenizer_dir, 'vocab.pkl'), 'wb'))\n" +
      "with open(os.path.join(args.tokenizer_dir, 'vocab.pkl'), 'rb') as f:\n    vocab = pickle.load(f)\n",
  });
  const inFolds = "    pickle.dump({}, open(os.path.join(d, 'vocab.pkl'), 'wb'))\n";

  it("reports the read when the only writer writes that name into another folder", async () => {
    expect(await evidenceOf(files("python train.py", inFolds), [RULE])).toEqual([[RULE, "train.py", 8, "conclusive"]]);
  });

  it("is quiet when a documented command passes the option, or a step writes the file there", async () => {
    expect(await evidenceOf(files("python train.py --tokenizer_dir folds/fold0", inFolds), [RULE])).toEqual([]);
    const beside = "    pickle.dump({}, open('vocab.pkl', 'wb'))\n";
    expect(await evidenceOf(files("python train.py", beside), [RULE])).toEqual([]);
  });
});
