// A README step written as a glob (`./run_1_*.sh`, `bash jobs/train_*.sh`, a loop over one) runs each committed
// script it matches, in the order the shell expands them.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "./plan-repo.js";

describe("globbed script steps", () => {
  it("expands a README's `./run_1_*.sh` and `bash jobs/train_*.sh` to the committed scripts, in the shell's order", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```sh\n./run_1_*.sh\nbash jobs/train_*.sh\n```\n",
      "run_1_b.sh": "python b.py\n",
      "run_1_a.sh": "python a.py\n",
      "run_2_x.sh": "python x.py\n",
      "jobs/train_10.sh": "echo 10\n",
      "jobs/train_2.sh": "echo 2\n",
      "a.py": "print(1)\n",
      "b.py": "print(1)\n",
      "x.py": "print(1)\n",
    });
    expect(stepsOf(records).map((s) => s[3])).toEqual([
      "run_1_a.sh",
      "a.py",
      "run_1_b.sh",
      "b.py",
      "jobs/train_10.sh",
      "jobs/train_2.sh",
    ]);
  });

  it("expands a README loop over a glob (`for f in run_*.sh; do bash $f; done`)", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```sh\nfor f in stages/run_*.sh; do bash $f; done\n```\n",
      "stages/run_b.sh": "echo b\n",
      "stages/run_a.sh": "echo a\n",
    });
    expect(stepsOf(records).map((s) => s[3])).toEqual(["stages/run_a.sh", "stages/run_b.sh"]);
  });

  it("expands a Python glob a launcher runs, from the folder before a `cd` that served only its own block", async () => {
    // A vendored package installed by `cd pkg` + `pip install -e .`; the training block names root scripts by a
    // glob that pkg/ does not match; a second vendored package is installed the same way afterwards.
    const readme =
      "# Train\n\nInstall:\n```\ncd pkg\npip install -e .\n```\nThen, in order:\n```\n" +
      "python -m torch.distributed.run --nproc_per_node=2 fit_*.py\n```\nLater:\n```\ncd pkg_b\npip install -e .\n```\n";
    const records = await planOf({
      "README.md": readme,
      "pkg/setup.py": "from setuptools import setup\nsetup(name='pkg')\n",
      "pkg_b/setup.py": "from setuptools import setup\nsetup(name='pkg_b')\n",
      "fit_s2.py": "print(2)\n",
      "fit_s10.py": "print(10)\n",
      "fit_s1.py": "print(1)\n",
    });
    expect(stepsOf(records).map((s) => [s[2], s[3]])).toEqual([
      ["pkg", null],
      [".", "fit_s1.py"],
      [".", "fit_s10.py"],
      [".", "fit_s2.py"],
      ["pkg_b", null],
    ]);
  });

  it("keeps a carried `cd` where the later script is in that folder", async () => {
    const records = await planOf({
      "README.md": "# Train\n\n```\ncd sub\npip install -e .\n```\nThen:\n```\npython fit_a.py\n```\n",
      "sub/setup.py": "from setuptools import setup\nsetup(name='sub')\n",
      "sub/fit_a.py": "print(1)\n",
      "fit_a.py": "print(0)\n",
    });
    expect(stepsOf(records).map((s) => [s[2], s[3]])).toEqual([
      ["sub", null],
      ["sub", "sub/fit_a.py"],
    ]);
  });
});
