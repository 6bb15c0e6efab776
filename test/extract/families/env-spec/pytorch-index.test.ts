// Local-version pins (torch==2.0.1+cu118) and the index that serves them: named by the spec's own tool table or by
// the Dockerfile that installs the spec, or by nothing.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/env-spec/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

async function indexed(files: Record<string, string>): Promise<Array<[string, boolean]>> {
  const records = await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: null });
  return records
    .filter((r) => r.kind === "package" && String(r.spec).includes("+cu"))
    .map((r) => [`${r.file} ${r.name}`, r.pytorchIndexed === true]);
}

const PROJECT = ["[project]", 'name = "demo"', 'dependencies = ["torch==2.0.1+cu118", "numpy>=1.25"]', ""].join("\n");
const TORCH_URL = "https://download.pytorch.org/whl/cu118";

describe("pytorch index", () => {
  it.each([
    ["rye", `[[tool.rye.sources]]\nname = "torch"\nurl = "${TORCH_URL}"\ntype = "index"\n`],
    ["uv", `[[tool.uv.index]]\nname = "pt"\nurl = "${TORCH_URL}"\n\n[tool.uv.sources]\ntorch = { index = "pt" }\n`],
    ["pdm", `[[tool.pdm.source]]\nname = "pt"\nurl = "${TORCH_URL}"\n`],
  ])("reads the index a pyproject's %s table names", async (_tool, table) => {
    const files = { "pyproject.toml": `${PROJECT}\n${table}`, Dockerfile: "FROM python:3.10\nRUN rye sync\n" };
    expect(await indexed(files)).toEqual([["pyproject.toml torch", true]]);
  });

  it("reads the index of Poetry's own source table", async () => {
    const poetry = '[tool.poetry.dependencies]\ntorch = "2.0.1+cu118"\n';
    const files = { "pyproject.toml": `${poetry}\n[[tool.poetry.source]]\nname = "pt"\nurl = "${TORCH_URL}"\n` };
    expect(await indexed(files)).toEqual([["pyproject.toml torch", true]]);
  });

  it("leaves a pin whose pyproject names only another index unindexed", async () => {
    const files = {
      "pyproject.toml": `${PROJECT}\n[[tool.rye.sources]]\nname = "x"\nurl = "https://pypi.example.org"\n`,
    };
    expect(await indexed(files)).toEqual([["pyproject.toml torch", false]]);
  });

  it.each([
    ["an ENV", `ENV PIP_EXTRA_INDEX_URL=${TORCH_URL}\nRUN pip install -r requirements.txt\n`],
    ["a continued RUN", `RUN pip install \\\n    --extra-index-url ${TORCH_URL} \\\n    -r requirements.txt\n`],
    ["a copied pip.conf", "COPY pip.conf /etc/pip.conf\nRUN pip install -r requirements.txt\n"],
  ])("reads the index a Dockerfile that installs the spec names in %s", async (_how, body) => {
    const files = {
      "requirements.txt": "torch==2.0.1+cu118\n",
      "pip.conf": `[global]\nextra-index-url = ${TORCH_URL}\n`,
      Dockerfile: `FROM python:3.10\n${body}`,
    };
    expect(await indexed(files)).toEqual([["requirements.txt torch", true]]);
  });

  it("leaves a spec the Dockerfile does not install unindexed, and one whose Dockerfile names no index", async () => {
    expect(
      await indexed({
        "a/requirements.txt": "torch==2.0.1+cu118\n",
        "b/requirements.txt": "torch==2.0.1+cu118\n",
        "b/Dockerfile": `FROM python:3.10\nENV PIP_EXTRA_INDEX_URL=${TORCH_URL}\nRUN pip install -r requirements.txt\n`,
        Dockerfile: "FROM python:3.10\nRUN pip install -r a/requirements.txt\n",
      }),
    ).toEqual([
      ["a/requirements.txt torch", false],
      ["b/requirements.txt torch", true],
    ]);
  });
});
