// A config option whose default is a bare name the program joins onto a literal folder
// (`os.path.join("./settings", args.conf_file)`) loads that folder's file when the step passes no other: the
// config is on the rerun path, and what it holds is graded there.
import { describe, expect, it } from "vitest";
import { literalFolderOf } from "../../../../src/extract/families/rerun-plan/config-folder.js";
import { placesOf, planOf } from "./plan-repo.js";

const program = (join: string) =>
  `import argparse, json, os\np = argparse.ArgumentParser()\np.add_argument("--conf_file", default="small.json")\np.add_argument("--lr", type=float)\nargs = p.parse_args()\n${join}\n`;
const SETTINGS = { "settings/small.json": '{\n  "root": "/home/someone/frames",\n  "lr": 0.1\n}\n' };
const configsOf = async (readme: string, join: string) =>
  (await planOf({ "README.md": `# Run\n\n\`\`\`\n${readme}\n\`\`\`\n`, "fit.py": program(join), ...SETTINGS })).find(
    (r) => r.kind === "step",
  )!.configs;

describe("a default config joined onto a literal folder", () => {
  it.each([
    "cfg = json.load(open(os.path.join('./settings', args.conf_file)))",
    'cfg = json.load(open(f"settings/{args.conf_file}"))',
    'cfg = json.load(open("settings/" + args.conf_file))',
  ])("is loaded by a step that passes no config where the program does %j", async (join) => {
    expect(await configsOf("python fit.py --lr 0.1", join)).toBe("settings/small.json");
  });

  it("is not loaded where the step passes its own, nor where the program opens the name as given", async () => {
    const join = "cfg = json.load(open(os.path.join('./settings', args.conf_file)))";
    expect(await configsOf("python fit.py --conf_file other.json", join)).toBe("");
    expect(await configsOf("python fit.py", "cfg = json.load(open(args.conf_file))")).toBe("");
  });

  it("puts the config's machine paths on the plan; off it where the program opens another", async () => {
    const placed = async (join: string) =>
      (
        await placesOf(
          { "README.md": "# Run\n\n```\npython fit.py --lr 0.1\n```\n", "fit.py": program(join), ...SETTINGS },
          ["paths-portable"],
        )
      ).filter((f) => f[1] === "settings/small.json");
    expect(await placed("cfg = json.load(open(os.path.join('./settings', args.conf_file)))")).toEqual([
      ["paths-portable", "settings/small.json", 2, "on"],
    ]);
    expect(await placed("cfg = json.load(open('other.json'))")).toEqual([
      ["paths-portable", "settings/small.json", 2, "off"],
    ]);
  });

  it("reads only a folder written out, never one known at run time", () => {
    expect(literalFolderOf("p = os.path.join('./settings', args.conf_file)\n", "conf_file")).toBe("settings");
    expect(literalFolderOf("p = os.path.join(args.root, args.conf_file)\n", "conf_file")).toBeNull();
    expect(literalFolderOf("# p = os.path.join('settings', args.conf_file)\n", "conf_file")).toBeNull();
    expect(literalFolderOf("p = os.path.join('/etc', args.conf_file)\n", "conf_file")).toBeNull();
  });
});
