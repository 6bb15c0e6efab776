// A `cd` in one section's block does not carry into a later section's block whose command belongs to another
// folder: where the script lies in several folders, the one that also holds the configs the command passes is
// where it runs, and the README is off by a folder (instructions-scripts-located), not missing the file.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf, gatedSeverity } from "../rerun-plan/plan-repo.js";

/** The severity the gate lets instructions-scripts-located act at (the rounds move it). */
const LOCATED = gatedSeverity("instructions-scripts-located");

const RULES = [
  "instructions-references-exist",
  "instructions-step-configs-exist",
  "instructions-scripts-located",
  "instructions-options-accepted",
];
const ARGPARSE_CFG =
  "import argparse\np = argparse.ArgumentParser()\np.add_argument('--cfg')\na = p.parse_args()\nopen(a.cfg).read()\nmodel.fit()\n";
const TYPER_MAIN =
  "import typer\n\ndef main(model_path: str = typer.Option(...)):\n    print(model_path)\n\nif __name__ == '__main__':\n    typer.run(main)\n";
const FILES = {
  "pkg/main.py": ARGPARSE_CFG,
  "pkg/config/pre.yml": "epochs: 1\n",
  "pkg/config/full.yml": "epochs: 2\n",
  "prep/embed/main.py": TYPER_MAIN,
  "prep/boxes/main.py": TYPER_MAIN,
};

describe("readme: a section's cd and a script that lies in another folder", () => {
  it("runs a later section's command from the one folder holding its script and config", async () => {
    const files = {
      ...FILES,
      "README.md": [
        "# Solution",
        "",
        "## Prepare",
        "",
        "### Embeddings",
        "",
        "```bash",
        "cd prep/embed",
        "python main.py --model-path m.pth",
        "```",
        "",
        "### Boxes",
        "",
        "```bash",
        "cd prep/boxes",
        "python main.py --model-path m.pth",
        "```",
        "",
        "## Train",
        "",
        "```bash",
        "accelerate launch main.py --cfg ./config/full.yml",
        "```",
        "",
      ].join("\n"),
    };
    const steps = stepsOf(await planOf(files)).map((s) => [s[2], s[3]]);
    expect(steps).toContainEqual(["pkg", "pkg/main.py"]);
    const found = await findingsOf(files, RULES);
    expect(found).toEqual([["instructions-scripts-located", "README.md", 22, LOCATED]]);
  });

  it("says where a script and its config lie when the README runs them from the root (no cd at all)", async () => {
    const files = {
      ...FILES,
      "README.md": "# Solution\n\n## Train\n\n```bash\naccelerate launch main.py --cfg ./config/pre.yml\n```\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([["instructions-scripts-located", "README.md", 6, LOCATED]]);
  });

  it("keeps a cd for the later blocks of its own section", async () => {
    const files = {
      ...FILES,
      "README.md": [
        "# Solution",
        "",
        "## Boxes",
        "",
        "```bash",
        "cd prep/boxes",
        "```",
        "",
        "Then:",
        "",
        "```bash",
        "python main.py --model-path m.pth",
        "```",
        "",
      ].join("\n"),
    };
    expect(stepsOf(await planOf(files)).map((s) => [s[2], s[3]])).toContainEqual(["prep/boxes", "prep/boxes/main.py"]);
    expect(await findingsOf(files, RULES)).toEqual([]);
  });
});
