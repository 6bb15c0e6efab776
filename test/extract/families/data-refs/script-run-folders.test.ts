// A shell script's relative paths resolve from the folder the step that runs it works in (the README's
// `sh bin/x.sh` from the root), not from the script's own folder, unless the script moves there itself.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["datasets-copied-inputs-sourced"];
// The root is the caller's (`{root}/input/...`): only the copy can say where the files come from.
const READER =
  "import h5py\n\ndef load(root, i):\n    return h5py.File(f'{root}/input/fMRI/{i}.mat')\n\nx = load(ROOT, 0)\n";
const README =
  "# S\n\nDownload the competition data and unzip it into `./input`.\n\n```bash\nsh bin/preprocess.sh\npython main.py\n```\n";

describe("a shell script run from the root", () => {
  it("copies from the root's folders: data the README puts there has a source", async () => {
    const findings = await findingsOf(
      {
        "README.md": README,
        "bin/preprocess.sh": "mkdir -p ./input/fMRI\nmv ./input/fMRI_train/* ./input/fMRI\n",
        "bin/input/.gitkeep": "",
        "main.py": READER,
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("still names a copy out of a root folder that holds nothing, the README silent about it", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nsh bin/preprocess.sh\npython main.py\n```\n",
        "bin/preprocess.sh": "mkdir -p ./input/fMRI\nmv ./bob/output/* ./input/fMRI\n",
        "bob/.gitkeep": "",
        "main.py": READER,
      },
      RULES,
    );
    expect(findings).toEqual([["datasets-copied-inputs-sourced", "main.py", 4, "error"]]);
  });
  it("copies what the root holds, however empty the script's own folder", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nsh bin/preprocess.sh\npython main.py\n```\n",
        "bin/preprocess.sh": "mkdir -p ./input/fMRI\nmv ./raw/fMRI/* ./input/fMRI\n",
        "bin/raw/.gitkeep": "",
        "raw/fMRI/a.mat": "x\n",
        "main.py": READER,
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });
});
