// An option without help explained otherwise: by the values choices= lists, or by a README list item or table row.
import { describe, expect, it } from "vitest";
import { explainedBy, explainingLines } from "../../../../src/extract/families/cli-options/explained.js";
import type { PyCall } from "../../../../src/extract/python/call-args.js";

const call = (flag: string, ...keywords: Array<[string, string]>): PyCall => ({
  line: 1,
  callee: "parser.add_argument",
  decorator: false,
  args: [
    { name: null, kind: "string", value: flag, path: null },
    ...keywords.map(([name, value]) => ({ name, kind: "other" as const, value, path: null })),
  ],
});

const readme = (text: string) => [{ file: "README.md", lines: explainingLines(text) }];

describe("options explained without help", () => {
  it("takes choices= and click.Choice as listing the allowed values", () => {
    expect(explainedBy(call("--mode", ["choices", "['a', 'b']"]), "--mode", [])).toBe("choices");
    expect(explainedBy(call("--stage", ["type", "click.Choice(['a'])"]), "--stage", [])).toBe("choices");
    expect(explainedBy(call("--fold", ["type", "int"]), "--fold", [])).toBeNull();
  });

  it("finds a README list item or table row naming the option with words after it, dashes and underscores alike", () => {
    const text =
      "# Run\n\n- `model_dir_path`: the trained models\n| --use-amp | mixed precision |\n1. debug - run on 100 rows\n";
    expect(explainedBy(call("--model_dir_path"), "--model_dir_path", readme(text))).toBe("README.md:3");
    expect(explainedBy(call("--use_amp"), "--use_amp", readme(text))).toBe("README.md:4");
    expect(explainedBy(call("--debug"), "--debug", readme(text))).toBe("README.md:5");
  });

  it("does not take a mention in prose or a command line as an explanation", () => {
    const text = "Set the fold with --fold.\n\n```\npython train.py --fold 0\n```\n- --fold\n";
    expect(explainedBy(call("--fold"), "--fold", readme(text))).toBeNull();
  });
});
