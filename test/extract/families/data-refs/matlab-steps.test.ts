// A MATLAB stage before the Python steps: its reads of raw data are data reads, and the tables it writes are
// produced for the Python reads after it.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "../rerun-plan/plan-repo.js";

const REPO = {
  "README.md": "# S\n\nRun `prep/make_tables.m` in MATLAB, then:\n\n```bash\npython train.py\n```\n",
  "prep/make_tables.m":
    "% build the tables\nT = readtable('data/readings.csv');\nS = xlsread('data/stations.xlsx');\n" +
    "out = fullfile('work', 'merged.csv');\nwritetable(T, out);\nsave('work/stations.mat', 'S');\n",
  "train.py":
    "import pandas as pd\nimport scipy.io\ndf = pd.read_csv('work/merged.csv')\n" +
    "st = scipy.io.loadmat('work/stations.mat')\nextra = pd.read_csv('work/other.csv')\n",
};

describe("data-refs: MATLAB scripts", () => {
  it("lists a .m script's reads and credits its writes to the Python reads after it", async () => {
    const reads = (await familyOf(REPO, "data-refs")).filter((r) => r.kind === "read");
    const of = (path: string) => reads.find((r) => r.path === path);
    expect(of("data/readings.csv")).toMatchObject({ file: "prep/make_tables.m", line: 2, call: "readtable" });
    expect(of("data/stations.xlsx")).toMatchObject({ file: "prep/make_tables.m", line: 3, producedBy: null });
    expect(of("work/merged.csv")).toMatchObject({ file: "train.py", producedBy: "prep/make_tables.m:5" });
    expect(of("work/stations.mat")).toMatchObject({ producedBy: "prep/make_tables.m:6" });
    expect(of("work/other.csv")).toMatchObject({ producedBy: null });
  });

  it("reports the raw data a .m script reads, not the tables it writes, and no unrun writer", async () => {
    const findings = await findingsOf(REPO, ["datasets-data-available", "datasets-inputs-produced"]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "prep/make_tables.m", 2],
      ["datasets-data-available", "prep/make_tables.m", 3],
      ["datasets-data-available", "train.py", 5],
    ]);
  });

  it("reads nothing from an Objective-C .m file", async () => {
    const reads = (
      await familyOf(
        {
          "README.md": "# S\n",
          "ios/View.m": '#import "View.h"\n@implementation View\n- (void)go { load("x.mat"); }\n@end\n',
        },
        "data-refs",
      )
    ).filter((r) => r.kind === "read");
    expect(reads).toEqual([]);
  });
});
