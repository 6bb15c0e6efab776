// Lines that set variables or launchers before the interpreter (`CUDA_VISIBLE_DEVICES=0 python x.py`,
// `PYTHONPATH=. python -m pkg.run`) are the command they prefix, in every reader of README commands.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";
import { commandWords } from "../../../../src/extract/shell/readme-commands.js";

describe("env-prefixed lines", () => {
  it("names the missing scripts and modules a shell script runs behind variables, nohup, time or a launcher", async () => {
    const run =
      "CUDA_VISIBLE_DEVICES=0 python missing_train.py --fold 0\nPYTHONPATH=. python3 -m pkg.nope\nnohup time python gone.py &\nmpirun -np 4 python absent.py\nCUDA_VISIBLE_DEVICES=1 python here.py\n";
    const view = memoryView({ "README.md": "# S\n\n```\nbash run.sh\n```\n", "run.sh": run, "here.py": "" });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: null });
    expect(records.filter((r) => r.kind === "call").map((r) => [r.line, r.name])).toEqual([
      [1, "missing_train.py"],
      [2, "-m pkg.nope"],
      [3, "gone.py"],
      [4, "absent.py"],
    ]);
  });

  it("gives the words from the program on, and the variables set before it", () => {
    expect(commandWords("$ CUDA_VISIBLE_DEVICES=0,1 PYTHONPATH=src:$PYTHONPATH python x.py --a 1")).toEqual({
      argv: ["python", "x.py", "--a", "1"],
      assignments: { CUDA_VISIBLE_DEVICES: "0,1", PYTHONPATH: "src:$PYTHONPATH" },
    });
    expect(commandWords("cd src && sudo -E env A=1 python3 y.py")?.argv).toEqual(["python3", "y.py"]);
    expect(commandWords("seq 0 4 | xargs -I{} python x.py --fold {}")?.argv).toEqual([
      "python",
      "x.py",
      "--fold",
      "{}",
    ]);
    expect(commandWords("echo hi")?.argv).toEqual(["echo", "hi"]);
  });
});
