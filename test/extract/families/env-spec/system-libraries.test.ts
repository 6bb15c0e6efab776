// A real git repo with no spec whose training imports jpeg4py: the static audit says libturbojpeg must be installed,
// at the import; a script that apt-installs it quiets that.
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { removeSolutions, solutionRepo } from "./git-solution.js";

afterAll(removeSolutions);

const libraryFindings = async (root: string) =>
  (await audit({ source: root, stages: ["static"] })).report.findings
    .filter((f) => f.rule === "environment-system-libraries-installed")
    .map((f) => [f.file, f.line, f.severity, f.message]);

const TRAIN = "import os\nimport jpeg4py as jpeg\n\nimage = jpeg.JPEG('x.jpg').decode()\n";

describe("system libraries the repo's packages load", () => {
  it("names libturbojpeg at the import of jpeg4py when nothing installs it", async () => {
    const root = solutionRepo({ "README.md": "# Solution\n\n```\npython train.py\n```\n", "train.py": TRAIN });
    expect(await libraryFindings(root)).toEqual([
      [
        "train.py",
        2,
        "warning",
        "jpeg4py needs the system library libturbojpeg, which nothing in the repo installs (no Dockerfile step, apt line, package list or conda package)",
      ],
    ]);
  });

  it("says nothing when the setup script installs it", async () => {
    const root = solutionRepo({
      "setup.sh": "#!/bin/sh\nsudo apt-get install -y libturbojpeg\npip install jpeg4py==0.1.4\n",
      "train.py": TRAIN,
    });
    expect(await libraryFindings(root)).toEqual([]);
  });

  it("reads a package list of 200,000 names whole: judged when it lacks the library, quiet when its last name is it", async () => {
    const names = "a\n".repeat(200_000);
    const files = { "requirements.txt": "jpeg4py==0.1.4\n", "train.py": TRAIN };
    const lacking = await libraryFindings(solutionRepo({ ...files, "apt.txt": names }));
    expect(lacking.map(([file, line, severity]) => [file, line, severity])).toEqual([
      ["requirements.txt", 1, "warning"],
    ]);
    expect(await libraryFindings(solutionRepo({ ...files, "apt.txt": `${names}libturbojpeg\n` }))).toEqual([]);
  });
});
