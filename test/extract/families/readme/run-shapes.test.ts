// What a reader takes as a train or predict step, in every shape READMEs write it: the purposes the readme
// family records for each (the instructions rules judge these).
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

async function purposes(readme: string, files: Record<string, string> = {}): Promise<string[]> {
  const records = await extractor.extract({
    view: memoryView({ "README.md": readme, ...files }),
    facts: emptyFacts(),
    branches: null,
  });
  return [...new Set(records.filter((r) => r.kind === "command").map((r) => String(r.purpose)))].sort();
}

const CODE = {
  "x.py": "print(1)\n",
  "run.sh": "python train.py\n",
  "train.py": "print(1)\n",
  "pkg/train.py": "print(1)\n",
  "pkg/__init__.py": "",
};

describe("README shapes a reader takes as a training step", () => {
  const block = (line: string) => `# Solution\n\n## Training\n\n\`\`\`bash\n${line}\n\`\`\`\n`;
  const shapes: Array<[string, string]> = [
    ["jupyter nbconvert --execute", "jupyter nbconvert --to notebook --execute train.ipynb"],
    ["papermill", "papermill train.ipynb out.ipynb"],
    ["sh run.sh", "sh run.sh"],
    ["bash -x", "bash -x run.sh"],
    ["python -m pkg.train", "python -m pkg.train"],
    ["accelerate launch", "accelerate launch x.py --cfg a"],
    ["torchrun", "torchrun --nproc_per_node 4 x.py"],
    ["deepspeed", "deepspeed x.py"],
    ["horovodrun", "horovodrun -np 4 python x.py"],
    ["mpirun -np 4 python", "mpirun -np 4 python x.py"],
    ["CUDA_VISIBLE_DEVICES=0 python x.py", "CUDA_VISIBLE_DEVICES=0 python x.py"],
    ["nohup python x.py &", "nohup python x.py > log.txt 2>&1 &"],
    ["time python", "time python x.py"],
    ["xargs", "seq 0 4 | xargs -I{} python x.py --fold {}"],
    ["parallel", "parallel python x.py --fold {} ::: 0 1 2 3 4"],
    ["make train", "make train"],
    ["srun", "srun python x.py"],
    ["python3.10", "python3.10 x.py"],
    ["pypy", "pypy x.py 4 0.5"],
  ];
  for (const [name, line] of shapes) {
    it(`records a train command for ${name} under a Training heading`, async () => {
      expect(
        await purposes(block(line), { ...CODE, "train.ipynb": "{}", Makefile: "train:\n\tpython x.py\n" }),
      ).toContain("train");
    });
  }
});

describe("README steps a reader takes as train and predict steps", () => {
  const online = "import pandas as pd\nmodel = fit(rows)\npd.DataFrame(p).to_csv('sub.csv')\n";

  it("takes a numbered step run by pypy, with or without backticks, as the training, and the submission it writes as the prediction", async () => {
    for (const step of ["2. Fit the model: pypy Online.py 4 0.5", "2. Fit the model with `pypy Online.py 4 0.5`"]) {
      const readme = `# Solution\n\n## How to run\n\n1. \`python prep.py\` prepares the features.\n${step}\n3. The submission will then be placed in the file sub.csv\n`;
      expect(await purposes(readme, { "prep.py": "print(1)\n", "Online.py": online })).toEqual([
        "other",
        "predict",
        "train",
      ]);
    }
  });

  it("takes one script whose code trains and writes the submission the README names as both steps, where no heading says so", async () => {
    const main =
      "import lightgbm as lgb\nbooster = lgb.train(params, data)\npred = booster.predict(test)\nsub.to_csv('submission.csv', index=False)\n";
    expect(
      await purposes("# Solution\n\n## Run\n\n```\npython main.py\n```\n\nIt writes `submission.csv`.\n", {
        "main.py": main,
      }),
    ).toEqual(["predict", "train"]);
    // A submission the README never names is no documented prediction (as for a script named train.py).
    expect(await purposes("# Solution\n\n## Run\n\n```\npython main.py\n```\n", { "main.py": main })).toEqual([
      "train",
    ]);
  });

  it("takes a prose list naming a folder of notebooks and then a notebook to run as train and predict steps", async () => {
    const readme =
      "# Solution\n\n## Training\n\nTraining: run the three notebooks in training/, then inference/inference.ipynb\n";
    const nb = JSON.stringify({ nbformat: 4, cells: [] });
    const records = await extractor.extract({
      view: memoryView({
        "README.md": readme,
        "training/01_fe.ipynb": nb,
        "training/02_nn.ipynb": nb,
        "training/03_tabnet.ipynb": nb,
        "inference/inference.ipynb": nb,
      }),
      facts: emptyFacts(),
      branches: null,
    });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.script, r.purpose])).toEqual([
      ["training/01_fe.ipynb", "train"],
      ["training/02_nn.ipynb", "train"],
      ["training/03_tabnet.ipynb", "train"],
      ["inference/inference.ipynb", "predict"],
    ]);
  });

  it("takes a numbered list of notebooks under a Training heading, named bare or in backticks, as the steps to run", async () => {
    const readme =
      "# Solution\n\n## Training\n\n1. `01_features.ipynb`\n2. notebooks/02_model.ipynb\n\n## Inference\n\nSet `MODEL_DIR`, then run `notebooks/submit.ipynb`.\n";
    const nb = JSON.stringify({ nbformat: 4, cells: [] });
    const records = await extractor.extract({
      view: memoryView({
        "README.md": readme,
        "notebooks/01_features.ipynb": nb,
        "notebooks/02_model.ipynb": nb,
        "notebooks/submit.ipynb": nb,
      }),
      facts: emptyFacts(),
      branches: null,
    });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.script, r.purpose])).toEqual([
      ["notebooks/01_features.ipynb", "train"],
      ["notebooks/02_model.ipynb", "train"],
      ["notebooks/submit.ipynb", "predict"],
    ]);
  });

  it("still takes a notebook the prose points to for details as no step", async () => {
    const readme = "# Solution\n\n## How to run\n\n1. `pypy Online.py 4 0.5`\n\nFor more details see: model.ipynb\n";
    const records = await extractor.extract({
      view: memoryView({ "README.md": readme, "Online.py": online, "model.ipynb": "{}" }),
      facts: emptyFacts(),
      branches: null,
    });
    expect([...new Set(records.filter((r) => r.kind === "command").map((r) => r.script))]).toEqual(["Online.py"]);
  });
});

describe("a compose service's command", () => {
  it("runs from the repo folder the service's working_dir maps to through its volume", async () => {
    const compose =
      "services:\n  trainer:\n    build: .\n    working_dir: /workspace/src\n    volumes:\n      - .:/workspace\n      - /data:/data\n";
    const view = memoryView({
      "README.md": "```\ndocker compose run --rm trainer python train.py --epochs 3\n```\n",
      "docker-compose.yml": compose,
      "src/train.py": "",
      "train.py": "",
    });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: null });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.script, r.purpose])).toEqual([
      ["src/train.py", "train"],
    ]);
  });
});
