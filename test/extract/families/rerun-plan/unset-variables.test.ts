// A shell variable a step passes as an option's value that nothing sets: the sbatch → srun → script shape where
// the job exports its key=value arguments, and the ways a name counts as set (a default in the script, a
// caller's key=value, a README prefix), or is no concern (ALL-CAPS, echo only, a sourced file).
import { describe, expect, it } from "vitest";
import {
  setsVariable,
  unsetOptionVariables,
  type VariableStep,
} from "../../../../src/extract/families/rerun-plan/unset-variables.js";
import { planOf } from "./plan-repo.js";

const JOB = '#!/bin/bash\n#SBATCH --gpus=1\nfor kv in "$@"; do\n  export "$kv"\ndone\nsrun go.sh "$@"\n';
const GO = "#!/bin/bash\nexport rate=${rate:-0.5}\npython fit.py --rate $rate \\\n  --save_to ${save_dir}\n";
const FIT = "import argparse\np = argparse.ArgumentParser()\np.add_argument('--rate')\np.add_argument('--save_to')\n";

const unsetOf = async (files: Record<string, string>) =>
  (await planOf(files)).filter((r) => r.unsetVariables !== undefined).map((r) => [r.file, r.line, r.unsetVariables]);

describe("rerun-plan: unset option variables", () => {
  it("reports a variable no caller passes, once per script line", async () => {
    const readme = "# S\n\n```\nsbatch job.slurm rate=0.1\nsbatch --nodes 2 job.slurm rate=0.2\n```\n";
    expect(await unsetOf({ "README.md": readme, "job.slurm": JOB, "go.sh": GO, "fit.py": FIT })).toEqual([
      ["go.sh", 3, "$save_dir to --save_to (go.sh:4)"],
    ]);
  });

  it("takes a key=value any caller passes to a job that exports its arguments", async () => {
    const readme = "# S\n\n```\nsbatch job.slurm rate=0.1\nsbatch job.slurm save_dir=out\n```\n";
    expect(await unsetOf({ "README.md": readme, "job.slurm": JOB, "go.sh": GO, "fit.py": FIT })).toEqual([]);
  });

  it("takes a --key value a caller passes to a script that declares its arguments by name", async () => {
    const go = `#!/bin/bash\nwhile [[ $# -gt 0 ]]; do\n  declare "\${1#--}"="$2"; shift 2\ndone\n${GO}`;
    const readme = "# S\n\n```\nbash go.sh --save-dir out\n```\n";
    expect(await unsetOf({ "README.md": readme, "go.sh": go, "fit.py": FIT })).toEqual([]);
    expect(await unsetOf({ "README.md": "# S\n\n```\nbash go.sh\n```\n", "go.sh": go, "fit.py": FIT })).toEqual([
      ["go.sh", 7, "$save_dir to --save_to (go.sh:8)"],
    ]);
  });

  it("does not take a key=value passed to a job that does not export it", async () => {
    const job = "#!/bin/bash\n#SBATCH --gpus=1\nsrun go.sh\n";
    const readme = "# S\n\n```\nsbatch job.slurm save_dir=out\n```\n";
    expect(await unsetOf({ "README.md": readme, "job.slurm": job, "go.sh": GO, "fit.py": FIT })).toEqual([
      ["go.sh", 3, "$save_dir to --save_to (go.sh:4)"],
    ]);
  });

  it("takes a README prefix or export, and leaves a script that sources a file it cannot read", async () => {
    const files = { "go.sh": GO, "fit.py": FIT };
    expect(await unsetOf({ ...files, "README.md": "# S\n\n```\nsave_dir=out bash go.sh\n```\n" })).toEqual([]);
    expect(await unsetOf({ ...files, "README.md": "# S\n\n```\nexport save_dir=out\nbash go.sh\n```\n" })).toEqual([]);
    const sourcing = { "fit.py": FIT, "README.md": "# S\n\n```\nbash go.sh\n```\n" };
    expect(await unsetOf({ ...sourcing, "go.sh": `source $HOME/env.sh\n${GO}` })).toEqual([]);
    expect(await unsetOf({ ...sourcing, "go.sh": `. ./env.sh\n${GO}`, "env.sh": "save_dir=out\n" })).toEqual([]);
    const docker = "# S\n\n```\ndocker run -e save_dir=/out -v $PWD:/w img bash go.sh\n```\n";
    expect(await unsetOf({ ...files, "README.md": docker })).toEqual([]);
    expect(await unsetOf({ ...files, "README.md": docker.replace("-e save_dir=/out ", "") })).toEqual([
      ["go.sh", 3, "$save_dir to --save_to (go.sh:4)"],
    ]);
    const readme = "# S\n\n```\nsource ~/.bashrc\nsource env.sh\nbash go.sh\n```\n";
    expect(await unsetOf({ ...files, "README.md": readme, "env.sh": "export save_dir=out\n" })).toEqual([]);
    expect(await unsetOf({ ...files, "README.md": readme, "env.sh": "export rate=1\n" })).toEqual([
      ["go.sh", 3, "$save_dir to --save_to (go.sh:4)"],
    ]);
    expect(await unsetOf({ ...sourcing, "go.sh": `source activate torch\n${GO}` })).toEqual([
      ["go.sh", 4, "$save_dir to --save_to (go.sh:5)"],
    ]);
  });

  it("leaves ALL-CAPS names, echo lines, positional parameters and values that are more than the variable", () => {
    const step = (command: string): VariableStep => ({
      order: 1,
      parent: null,
      file: "go.sh",
      line: 1,
      cwd: "",
      source: "shell",
      command,
      program: "fit.py",
    });
    const text = "python fit.py\n";
    const of = (command: string) => [...unsetOptionVariables([step(command)], () => text).values()];
    expect(of("python fit.py --port $MASTER_PORT --fold $1 --out $out/x --tag ${tag:-a}")).toEqual([]);
    expect(of("echo --out $out_dir")).toEqual([]);
    expect(of('python fit.py --out="$out_dir" -n $n_jobs')).toEqual([
      "$out_dir to --out (go.sh:1); $n_jobs to -n (go.sh:1)",
    ]);
  });

  it("reads the ways a script sets a name", () => {
    for (const text of [
      "out=1",
      "export out=1",
      "local -r out=1",
      "declare out",
      "read -r out",
      "for out in a b; do :; done",
      "getopts 'o:' out",
      "x=${out:-1}",
      "if true; then out=2; fi",
      "CUDA=0 out=2 python a.py",
      "case $1 in --out) out=$2 ;; esac",
    ])
      expect(setsVariable(text, "out"), text).toBe(true);
    for (const text of ["echo $out", "python a.py --out $out", "output=1", "sbatch job.slurm out=1"])
      expect(setsVariable(text, "out"), text).toBe(false);
    // Untrusted text: long runs of near-matches are read in linear time.
    const started = Date.now();
    for (const text of ["a=b;".repeat(50_000), "read -a ".repeat(30_000), "declare -x ".repeat(30_000)])
      expect(setsVariable(`${text}\necho $out`, "out")).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
