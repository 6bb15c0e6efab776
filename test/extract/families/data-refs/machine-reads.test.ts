// Reads through a machine path: the file the path names may be committed beside the script (the data is shipped;
// the path is paths-portable's finding alone), and a machine folder listed by pattern is the one machine path.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["datasets-data-available", "paths-portable"];
const README = (...scripts: string[]) => `# S\n\n\`\`\`bash\n${scripts.map((s) => `python ${s}`).join("\n")}\n\`\`\`\n`;

describe("data-refs: machine paths to committed files", () => {
  it("takes a drive path's file, a home path's tail and a joined name committed beside the script as shipped", async () => {
    const findings = await findingsOf(
      {
        "README.md": README("a/run.py", "b/wx.py", "sub/aqi.py", "c/miss.py"),
        "a/run.py": "import pandas as pd\ndf = pd.read_csv(r'F:\\stat1.csv')\n",
        "a/stat1.csv": "a,b\n1,2\n",
        "b/wx.py": "t = open('/home/u/proj/extra/wx.txt').read()\n",
        "b/extra/wx.txt": "x\n",
        "sub/aqi.py": "location = 'LD'\nt = open('/home/u/aqi_' + location + '.csv').read()\n",
        "sub/aqi_LD.csv": "x\n",
        "c/miss.py": "import pandas as pd\ndf = pd.read_csv(r'F:\\other.csv')\n",
      },
      RULES,
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "c/miss.py", 2],
      ["paths-portable", "a/run.py", 2],
      ["paths-portable", "b/wx.py", 1],
      ["paths-portable", "c/miss.py", 2],
      ["paths-portable", "sub/aqi.py", 2],
    ]);
  });

  it("reports a machine folder listed by a glob once, as a machine path", async () => {
    const findings = await findingsOf(
      {
        "README.md": README("vid.py"),
        "vid.py":
          "from glob import glob\nimport pandas as pd\nFULL_VIDEO_PATH = 'D:/videos/'\n" +
          "files = glob(FULL_VIDEO_PATH + '*.mp4')\nlabels = pd.read_csv('D:/videos/labels.csv')\n",
      },
      RULES,
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "vid.py", 5],
      ["paths-portable", "vid.py", 3],
    ]);
  });
});
