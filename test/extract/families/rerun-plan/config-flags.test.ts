// Branches behind a config key every config the steps load sets false: what they read or name is off the plan.
import { describe, expect, it } from "vitest";
import { configFlagSpans, flagKeyOf } from "../../../../src/extract/families/rerun-plan/config-flags.js";
import { placesOf, planOf } from "./plan-repo.js";

const TRAIN = [
  "import json, sys", // 1
  "config = json.load(open(sys.argv[2]))", // 2
  "if config['use_lexicon']:", // 3
  "    lexicon = json.load(open('../extra/lexicon.json'))", // 4
  "    words = LEXICON_WORDS", // 5
  "print(config['lr'])", // 6
].join("\n");

const steps =
  (...configs: string[]) =>
  () => [{ configs: configs.map((text, i) => ({ path: `c${i}.json`, text })), args: [] as string[] }];

describe("configFlagSpans", () => {
  it("reads a subscript, a get and an attribute chain under a config object as a key", () => {
    expect(flagKeyOf("config['use_lexicon']")).toBe("use_lexicon");
    expect(flagKeyOf('self.cfg.get("use_lexicon")')).toBe("use_lexicon");
    expect(flagKeyOf("cfg.model.add_tokens")).toBe("add_tokens");
    expect(flagKeyOf("self.model.training")).toBeNull();
  });

  it("takes the branch a key false in every loaded config guards, naming the configs", () => {
    const spans = configFlagSpans(TRAIN, steps('{\n  "use_lexicon": false,\n  "lr": 1\n}', "use_lexicon: no\n"));
    expect(spans).toEqual([
      { span: [4, 5], why: "use_lexicon is false in every config the steps load (c0.json, c1.json)" },
    ]);
  });

  it("takes nothing where a config turns it on, none names it, a step overrides it or the code sets it", () => {
    expect(configFlagSpans(TRAIN, steps('{"use_lexicon": false}', '{"use_lexicon": true}'))).toEqual([]);
    expect(configFlagSpans(TRAIN, steps('{"lr": 1}'))).toEqual([]);
    expect(configFlagSpans(TRAIN, () => [])).toEqual([]);
    expect(
      configFlagSpans(TRAIN, () => [
        { configs: [{ path: "c.yaml", text: "use_lexicon: false\n" }], args: ["++use_lexicon=true"] },
      ]),
    ).toEqual([]);
    expect(
      configFlagSpans(
        TRAIN.replace("if config", "config['use_lexicon'] = True\nif config"),
        steps('{"use_lexicon": false}'),
      ),
    ).toEqual([]);
  });

  it("puts the guarded read off the plan for the configs the README's steps pass", async () => {
    const files = {
      "README.md":
        "# S\n\n```\npython train.py --config configs/a.json\npython train.py --config configs/b.json\n```\n",
      "configs/a.json": '{\n  "use_lexicon": false,\n  "lr": 1\n}\n',
      "configs/b.json": '{\n  "use_lexicon": false,\n  "lr": 2\n}\n',
      "train.py": TRAIN + "\n",
    };
    const reach = (await planOf(files)).filter((r) => r.kind === "reach" && r.file === "train.py");
    expect(reach.map((r) => [r.ruledOut, r.ruledOutWhy])).toEqual([
      ["4-5", "use_lexicon is false in every config the steps load (configs/a.json, configs/b.json)"],
    ]);
    const placed = async (f: Record<string, string>) =>
      (await placesOf(f, ["datasets-data-available"])).map(([rule, file, line, place]) => [rule, file, line, place]);
    expect(await placed(files)).toEqual([["datasets-data-available", "train.py", 4, "off"]]);
    // One config turning it on puts the read back on the plan.
    expect(await placed({ ...files, "configs/b.json": '{\n  "use_lexicon": true\n}\n' })).toEqual([
      ["datasets-data-available", "train.py", 4, "on"],
    ]);
  });
});
