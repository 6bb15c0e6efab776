// READMEs by any spelling of their name, and commands written in HTML blocks or after an export.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const commandsOf = async (files: Record<string, string>) =>
  (await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] }))
    .filter((r) => r.kind === "command")
    .map((r) => [r.file, r.command, r.purpose]);

describe("readme extractor: README names and command forms", () => {
  it.each(["readme.txt", "README.txt", "readme.rst", "Readme.md", "README"])(
    "reads a sub-folder %s as a README and its commands as steps",
    async (name) => {
      const found = await commandsOf({
        [`sol/${name}`]: "Steps\n\n1. cd sol\n2. python train.py --fold 0\n3. python test.py --dataset test\n",
        "sol/train.py": "",
        "sol/test.py": "",
        "sol/requirements.txt": "torch\n",
      });
      expect(found.map(([, c, p]) => [c, p])).toEqual(
        expect.arrayContaining([
          ["python train.py --fold 0", "train"],
          ["python test.py --dataset test", "predict"],
        ]),
      );
    },
  );
  it("reads a sub-folder readme.txt whose code lies in folders below it, in a repo with no root README", async () => {
    const found = await commandsOf({
      "sol/readme.txt": "1. cd src\n2. python train.py --fold 0\n3. python test.py --dataset test\n",
      "sol/src/train.py": "",
      "sol/src/test.py": "",
      "sol/requirements.txt": "torch\n",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        ["sol/readme.txt", "python train.py --fold 0", "train"],
        ["sol/readme.txt", "python test.py --dataset test", "predict"],
      ]),
    );
  });
  it("reads commands inside HTML <pre> blocks, and the command after an export and ';'", async () => {
    const found = await commandsOf({
      "README.md":
        "# GAN\n\nTrain:\n\n<pre>\nexport CUDA_VISIBLE_DEVICES=0;python train.py --epochs 5\n</pre>\n\n<pre><code>export CUDA_VISIBLE_DEVICES=0 && python sample.py\n</code></pre>\n",
      "train.py": "",
      "sample.py": "",
    });
    expect(found.map(([, c, p]) => [c, p])).toEqual(expect.arrayContaining([["python train.py --epochs 5", "train"]]));
    expect(found.some(([, c]) => String(c).startsWith("python sample.py"))).toBe(true);
  });
});
