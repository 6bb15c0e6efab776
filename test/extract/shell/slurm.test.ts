import { describe, expect, it } from "vitest";
import { slurmRun } from "../../../src/extract/shell/slurm.js";
import { interpretLine } from "../../../src/extract/shell/readme-commands.js";
import { shellWords } from "../../../src/extract/shell/shell-words.js";

const run = (line: string) => slurmRun(shellWords(line));

describe("slurmRun", () => {
  it("takes sbatch's first word after its options as the script it submits, options' values skipped", () => {
    expect(run("sbatch job.slurm lr=1e-4 data=x")).toEqual({
      argv: ["job.slurm", "lr=1e-4", "data=x"],
      submitted: true,
    });
    expect(run("sbatch --nodes 4 -p gpu --gres=gpu:8 --array=0-4 --exclusive -N 2 job.sbatch a=1")).toEqual({
      argv: ["job.sbatch", "a=1"],
      submitted: true,
    });
    expect(run("sbatch -N4 --parsable run")).toEqual({ argv: ["run"], submitted: true });
  });

  it("runs the command of --wrap, quoted as one word or split by the word reader", () => {
    expect(run('sbatch -p gpu --wrap="python train.py --fold 0"')).toEqual({
      argv: ["python", "train.py", "--fold", "0"],
      submitted: false,
    });
    expect(run("sbatch --wrap 'python train.py'")).toEqual({ argv: ["python", "train.py"], submitted: false });
  });

  it("runs the command srun and salloc are given, a script or a program", () => {
    expect(run('srun --gres=gpu:1 -n 1 run.sh "$@"')).toEqual({ argv: ["run.sh", "$@"], submitted: false });
    expect(run("salloc -N 1 --time 2:00:00 python fit.py")).toEqual({ argv: ["python", "fit.py"], submitted: false });
  });

  it("is null for any other command, and names nothing for sbatch reading its script from stdin", () => {
    expect(run("python train.py")).toBeNull();
    expect(run("sbatch --nodes 2")).toEqual({ argv: [], submitted: false });
  });
});

describe("interpretLine: SLURM launchers", () => {
  it("runs the submitted script from the line's folder, whatever its name", () => {
    const { command } = interpretLine("sbatch --nodes 4 job.slurm lr=1", "stage1");
    expect([command?.script, command?.scriptCandidates]).toEqual([
      "stage1/job.slurm",
      ["stage1/job.slurm", "job.slurm"],
    ]);
  });

  it("runs the program behind srun, salloc and sbatch --wrap", () => {
    for (const line of [
      "srun -p gpu python train.py",
      "salloc -N 1 python train.py",
      'sbatch --wrap="python train.py"',
    ])
      expect(interpretLine(line, "").command?.script, line).toBe("train.py");
  });
});
