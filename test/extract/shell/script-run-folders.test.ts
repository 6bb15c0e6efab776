// The folders shell scripts run from: the README's commands, then the scripts they call, in order.
import { describe, expect, it } from "vitest";
import { placedIn, scriptRunFolders } from "../../../src/extract/shell/script-run-folders.js";

const folders = (runs: Array<{ script: string; cwd: string }>, files: Record<string, string>) => {
  const found = scriptRunFolders(
    runs,
    (p) => files[p] ?? null,
    (p) => p in files,
    { isDir: (d) => Object.keys(files).some((f) => f.startsWith(`${d}/`)) },
  );
  return Object.fromEntries([...found].map(([script, at]) => [script, [...at].sort()]));
};

describe("scriptRunFolders", () => {
  it("a script the README runs from the root calls the next from the root too", () => {
    expect(
      folders([{ script: "bin/all.sh", cwd: "" }], {
        "bin/all.sh": "sh bin/prep.sh\nsh bin/train.sh\n",
        "bin/prep.sh": "mv ./input/a/* ./input/b\n",
        "bin/train.sh": "python main.py\n",
      }),
    ).toEqual({ "bin/all.sh": [""], "bin/prep.sh": [""], "bin/train.sh": [""] });
  });

  it("follows a `cd` within the caller, and a move to the called script's own folder", () => {
    expect(
      folders([{ script: "bin/all.sh", cwd: "" }], {
        "bin/all.sh": "cd work\nbash ../bin/prep.sh\ncd ..\nbash tools/own.sh\n",
        "work/.keep": "",
        "bin/prep.sh": "echo\n",
        "tools/own.sh": 'cd "$(dirname "$0")"\nbash step.sh\n',
        "tools/step.sh": "echo\n",
      }),
    ).toEqual({ "bin/all.sh": [""], "bin/prep.sh": ["work"], "tools/own.sh": [""], "tools/step.sh": ["tools"] });
  });

  it("keeps every folder a script is run from, and stops at a script calling itself", () => {
    expect(
      folders(
        [
          { script: "run.sh", cwd: "" },
          { script: "run.sh", cwd: "sub" },
        ],
        { "run.sh": "bash run.sh\n", "sub/x": "" },
      ),
    ).toEqual({ "run.sh": ["", "sub"] });
  });

  it("places a script in its run folder", () => {
    expect([placedIn("bin/x.sh", ""), placedIn("bin/x.sh", "work")]).toEqual(["x.sh", "work/x.sh"]);
  });
});
