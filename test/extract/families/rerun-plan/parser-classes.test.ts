// Options a step passes to a parser the audit reads only in part: configargparse's `add` and config-file flags,
// a local subclass of a parser that adds options in its `__init__`, and a parser class it cannot read at all
// (its options are then not judged, never reported as rejected).
import { describe, expect, it } from "vitest";
import { planOf } from "./plan-repo.js";
import { configArgParseFlags, parserReadable } from "../../../../src/extract/families/rerun-plan/parser-class.js";

const stepOf = async (readme: string, files: Record<string, string>) =>
  (await planOf({ "README.md": `# Run\n\n\`\`\`\n${readme}\n\`\`\`\n`, ...files })).find(
    (r) => r.kind === "step" && r.order === 1,
  )!;
const MAIN = (build: string) =>
  `${build}\nparser.add_argument("--epochs", type=int, default=3)\nargs, _ = parser.parse_known_args()\nprint(args.epochs)\n`;

describe("rerun-plan parser classes", () => {
  it("reads configargparse's add and add_argument, is_config_file among them", async () => {
    const add = `import configargparse\np = configargparse.ArgParser()\np.add("-c", "--config", is_config_file=True)\np.add_argument("--epochs", type=int)\nargs = p.parse_args()\n`;
    expect((await stepOf("python train.py --config cfg/a.yaml --epochs 2", { "train.py": add })).rejected).toBeNull();
    expect((await stepOf("python train.py --epochs 2 --lr 1", { "train.py": add })).rejected).toBe(
      "--lr: argparse declares no such option (parse_args() exits with 'unrecognized arguments')",
    );
  });

  it("reads a local subclass of configargparse that adds --config in its __init__", async () => {
    const files = {
      "myparser/__init__.py": "from .parser import ExpParser\n",
      "myparser/parser.py":
        "import configargparse\n\nclass ExpParser(configargparse.ArgumentParser):\n    def __init__(self, *a, **k):\n" +
        "        super().__init__(*a, args_for_setting_config_path=['--config'], **k)\n        self.add_argument('--tag')\n",
      "train.py": MAIN("from myparser import ExpParser\nparser = ExpParser()"),
    };
    expect((await stepOf("python train.py --config cfg/a.yaml --tag x", files)).rejected).toBeNull();
    expect((await stepOf("python train.py --colour red", files)).rejected).toMatch(
      /^--colour: argparse declares no such option/,
    );
  });

  it("leaves options unjudged where the parser's class cannot be read", async () => {
    const unknownBase = {
      "tools/parser.py": "from fancyargs import Base\n\nclass ExpParser(Base):\n    pass\n",
      "train.py": MAIN("from tools.parser import ExpParser\nparser = ExpParser()"),
    };
    expect((await stepOf("python train.py --config cfg/a.yaml", unknownBase)).rejected).toBeNull();
    const fromPackage = { "train.py": MAIN("from fancyargs import ArgumentParser\nparser = ArgumentParser()") };
    expect((await stepOf("python train.py --config cfg/a.yaml", fromPackage)).rejected).toBeNull();
  });

  it("tells readable parsers from others", () => {
    expect(parserReadable(["import argparse\nparser = argparse.ArgumentParser()\nparser.parse_args()\n"])).toBe(true);
    expect(parserReadable(["import configargparse as cap\np = cap.ArgParser()\np.parse_args()\n"])).toBe(true);
    expect(
      parserReadable([
        "from opts import get_parser\np = get_parser()\np.parse_args()\n",
        "def get_parser():\n    pass\n",
      ]),
    ).toBe(true);
    expect(parserReadable(["from jsonargparse import ArgumentParser\np = ArgumentParser()\np.parse_args()\n"])).toBe(
      false,
    );
    expect(
      configArgParseFlags("import configargparse\np.add('-c', '--config', is_config_file=True)\np.add_arg('--x')\n"),
    ).toEqual(["-c", "--config", "--x"]);
  });
});
