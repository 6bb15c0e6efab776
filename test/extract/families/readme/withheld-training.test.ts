// A README training step whose script no folder of the repo holds: the training code is withheld (a code-absent
// record, the script's mention marked so it is not one more missing reference), unless an earlier line fetches
// it, another repository's clone may hold it, or an installed package runs it.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import type { FactRecord } from "../../../../src/model/facts.js";

const readmeOf = async (files: Record<string, string>, source?: string): Promise<FactRecord[]> => {
  const upTo = STATIC_EXTRACTORS.findIndex((e) => e.id === "readme");
  const facts = await extractFacts(memoryView(files), STATIC_EXTRACTORS.slice(0, upTo + 1), {
    branches: null,
    ...(source ? { source } : {}),
  });
  return facts.families["readme"] ?? [];
};
const withheld = (records: readonly FactRecord[]) =>
  records.filter((r) => r.kind === "code-absent").map((r) => [r.line, r.code, r.script, r.command]);
const INFER = { "infer.py": "import torch\nm = torch.hub.load('org/net', 'small', pretrained=True)\n" };
const training = (block: string) => `# Depth\n\n## Training\n\n\`\`\`\n${block}\n\`\`\`\n`;

describe("readme: withheld training scripts", () => {
  it("records the training step's missing script, marks its mention, and says the solution trains", async () => {
    const records = await readmeOf({ ...INFER, "README.md": training("python fit_depth.py --arch small") });
    expect(withheld(records)).toEqual([[6, "training", "fit_depth.py", "python fit_depth.py --arch small"]]);
    const mention = records.find((r) => r.kind === "mention" && r.name === "fit_depth.py");
    expect(mention?.withheld).toBe(true);
    expect(records.find((r) => r.kind === "readme")?.trainsNothing).toBeUndefined();
  });

  it("reads launchers, shell scripts and -m modules of the repo's own package", async () => {
    const files = {
      ...INFER,
      "kit/__init__.py": "",
      "README.md": training("torchrun --nproc_per_node 2 run_a.py\ndeepspeed run_b.py\nbash go.sh\npython -m kit.main"),
    };
    // The shell script and the module are steps of the Training section by its heading.
    expect(withheld(await readmeOf(files)).map((w) => w[2])).toEqual(["run_a.py", "run_b.py", "go.sh", "kit/main.py"]);
  });

  it("leaves a module an installed package runs, or one the README installs", async () => {
    const files = {
      ...INFER,
      "README.md": training("pip install depthkit\npython -m depthkit.fit\npython -m torch.distributed.run"),
    };
    expect(withheld(await readmeOf(files))).toEqual([]);
  });

  it("leaves a script another repository's clone may hold, or a submodule", async () => {
    const cloned = training(
      "git clone https://github.com/example-org/depth-toolkit.git\ncd depth-toolkit\npython fit_depth.py",
    );
    expect(withheld(await readmeOf({ ...INFER, "README.md": cloned }))).toEqual([]);
    const sub = { ...INFER, ".gitmodules": '[submodule "tk"]\n\tpath = tk\n\turl = https://example.org/tk.git\n' };
    expect(withheld(await readmeOf({ ...sub, "README.md": training("python tk/fit_depth.py") }))).toEqual([]);
  });

  it("still records it after a clone of the audited repository itself", async () => {
    const own = training(
      "git clone https://github.com/example-org/depth-solution.git\ncd depth-solution\npython fit_depth.py",
    );
    const records = await readmeOf({ ...INFER, "README.md": own }, "https://github.com/example-org/depth-solution");
    expect(withheld(records).map((w) => w[2])).toEqual(["fit_depth.py"]);
  });

  it("leaves a name off by a folder or a typo, and a repo that ships another training script", async () => {
    const extras: Array<Record<string, string>> = [
      { "src/fit_depth.py": "" },
      { "fit_deph.py": "" },
      { "tools/train_net.py": "" },
    ];
    for (const extra of extras)
      expect(withheld(await readmeOf({ ...INFER, ...extra, "README.md": training("python fit_depth.py") }))).toEqual(
        [],
      );
  });

  it("takes a step for training by its script's name, its arguments or its heading only", async () => {
    const files = {
      ...INFER,
      "README.md":
        "# Depth\n\n## Steps\n\n```\npython constraints.py\npython main.py train --fold 0\npython fit_head.py\n```\n",
    };
    // `constraints.py` holds "train" inside a word: no training step by its name.
    expect(withheld(await readmeOf(files)).map((w) => w[2])).toEqual(["main.py", "fit_head.py"]);
  });

  it("reads only the root README", async () => {
    const files = { ...INFER, "README.md": "# Depth\n", "docs/usage.md": training("python fit_depth.py") };
    expect(withheld(await readmeOf(files))).toEqual([]);
  });
});
