// A file an earlier step's `git clone` provides (`python tool/run.py` after `git clone .../tool`) is the clone's,
// not a missing call of the repo.
import { describe, expect, it } from "vitest";
import { findingsOf } from "./plan-repo.js";

describe("folders an earlier step clones", () => {
  it("takes `python tool/run.py` after a step's `git clone .../tool` as the clone's file, not a missing one", async () => {
    const files = {
      "README.md": "# Run\n\n```sh\n./prep.sh\n./run.sh\n```\n",
      "prep.sh": "git clone https://github.com/example/tool\n",
      "run.sh": "python tool/run.py --src data\npython missing.py\n",
    };
    const found = await findingsOf(files, ["instructions-script-calls-exist", "instructions-clones-pinned"]);
    // The missing file of the repo stays; the clone's run is told as an unpinned clone, not a missing file.
    expect(found.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["instructions-clones-pinned", "run.sh", 1],
      ["instructions-script-calls-exist", "run.sh", 2],
    ]);
  });
});
