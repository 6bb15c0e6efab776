// Prompts whose guard the plan's own arguments short-circuit: a typer tri-state option, a config override, an
// argparse flag. Skipped by every step that runs the file: no warning; reached by one: the finding names what skips it.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "../rerun-plan/plan-repo.js";
import { promptReach } from "../../../../src/extract/families/training-setup/prompt-guards.js";

const README = "# Steps\n\n```sh\nbash run.sh\n```\n";
const RULE = ["execution-runs-unattended"];

/** A typer command whose `--keep/--replace` option is None unless given, asking before it clears the output. */
const TYPER = [
  "import shutil",
  "from pathlib import Path",
  "from typing import Optional",
  "import typer",
  "from typing_extensions import Annotated",
  "",
  "app = typer.Typer()",
  "OUT = Path('build/tables')",
  "",
  "def clear_output(replace: bool | None):",
  "    if not OUT.exists():",
  "        pass",
  "    elif replace or (replace is None and typer.confirm('Clear the tables?')):",
  "        shutil.rmtree(OUT)",
  "",
  "@app.command()",
  "def main(",
  "    replace: Annotated[Optional[bool], typer.Option('--replace/--keep')] = None,",
  "):",
  "    clear_output(replace=replace)",
  "",
  "if __name__ == '__main__':",
  "    app()",
  "",
].join("\n");

/** A two-command typer app whose training asks unless the config's `io.replace` is set by a `key=value` override. */
const OVERRIDES = [
  "import typer",
  "from omegaconf import OmegaConf",
  "",
  "app = typer.Typer()",
  "",
  "def load(dotlist):",
  "    return OmegaConf.merge(OmegaConf.structured(Config()), OmegaConf.from_dotlist(dotlist or []))",
  "",
  "@app.command()",
  "def fit(dotlist: list[str] = typer.Argument(None)):",
  "    cfg = load(dotlist)",
  "    if cfg.paths.out.exists():",
  "        if cfg.io.replace or typer.confirm(",
  "            'Remove the old run?'",
  "        ):",
  "            cfg.paths.out.rmdir()",
  "",
  "@app.command()",
  "def infer(dotlist: list[str] = typer.Argument(None)):",
  "    cfg = load(dotlist)",
  "",
  "if __name__ == '__main__':",
  "    app()",
  "",
].join("\n");

const prompts = async (files: Record<string, string>) =>
  (await familyOf(files, "training-setup"))
    .filter((r) => r.kind === "prompt")
    .map((r) => [r.file, r.line, r.switchable, r.skipWith ?? null]);

describe("prompts the plan's arguments skip", () => {
  it("passes a tri-state typer option's prompt when the step gives the option, and names it when it does not", async () => {
    const given = { "README.md": README, "make_tables.py": TYPER, "run.sh": "python make_tables.py --keep\n" };
    expect(await findingsOf(given, RULE)).toEqual([]);
    const bare = { ...given, "run.sh": "python make_tables.py\n" };
    expect(await findingsOf(bare, RULE)).toEqual([["execution-runs-unattended", "make_tables.py", 13, "warning"]]);
    expect(await prompts(bare)).toEqual([["make_tables.py", 13, false, "`--replace` or `--keep` at run.sh:1"]]);
  });

  it("keeps the finding while any step that runs the file leaves the option out", async () => {
    const files = {
      "README.md": README,
      "make_tables.py": TYPER,
      "run.sh": "python make_tables.py --replace\npython make_tables.py\n",
    };
    expect(await prompts(files)).toEqual([["make_tables.py", 13, false, "`--replace` or `--keep` at run.sh:2"]]);
  });

  it("passes a prompt a config override short-circuits; the other command never reaches it", async () => {
    const given = {
      "README.md": README,
      "fit.py": OVERRIDES,
      "run.sh": "python fit.py fit io.replace=True seed=1\npython fit.py infer seed=1\n",
    };
    expect(await findingsOf(given, RULE)).toEqual([]);
    const bare = { ...given, "run.sh": "python fit.py fit seed=1\npython fit.py infer seed=1\n" };
    expect(await prompts(bare)).toEqual([["fit.py", 13, false, "`io.replace=True` at run.sh:1"]]);
  });

  it("reads an argparse flag in front of input()", async () => {
    const script = [
      "import argparse, os",
      "p = argparse.ArgumentParser()",
      "p.add_argument('--force', action='store_true')",
      "args = p.parse_args()",
      "if os.path.exists('out') and not args.force and input('out exists, go on? ') != 'y':",
      "    raise SystemExit",
      "",
    ].join("\n");
    const given = { "README.md": README, "prep.py": script, "run.sh": "python prep.py --force\n" };
    expect(await findingsOf(given, RULE)).toEqual([]);
    const bare = { ...given, "run.sh": "python prep.py\n" };
    expect(await prompts(bare)).toEqual([["prep.py", 5, false, "`--force` at run.sh:1"]]);
  });
});

describe("promptReach", () => {
  /** The first prompt's reach over steps given as argument strings. */
  const reach = (text: string, ...args: string[]) => {
    const lines = text.split("\n");
    const line = lines.findIndex((l) => /confirm\(|input\(/.test(l));
    const col = lines[line]!.search(/(?:click\.confirm|typer\.confirm|input)\(/);
    return promptReach(
      text,
      line,
      col,
      args.map((a, k) => ({ args: a, at: `run.sh:${k + 1}` })),
    );
  };

  it("reads a click flag and a condition written over several lines", () => {
    const text = [
      "import click",
      "@click.command()",
      "@click.option('--yes', is_flag=True)",
      "def main(yes):",
      "    if (",
      "        not yes",
      "        and not click.confirm('go on?')",
      "    ):",
      "        raise SystemExit",
      "main()",
    ].join("\n");
    expect(reach(text, "--yes")).toEqual({ skipped: true, skipWith: null });
    expect(reach(text, "")).toEqual({ skipped: false, skipWith: "`--yes` at run.sh:1" });
  });

  it("follows a helper's positional parameter to typer.run's function; a guard it cannot bind stays", () => {
    const text = [
      "import typer",
      "def ask(out, replace):",
      "    if replace or typer.confirm(f'replace {out}?'):",
      "        pass",
      "def main(replace: bool = False):",
      "    ask('out', replace)",
      "typer.run(main)",
    ].join("\n");
    expect(reach(text, "--replace")).toEqual({ skipped: true, skipWith: null });
    expect(reach(text, "--no-replace")).toEqual({ skipped: false, skipWith: "`--replace` at run.sh:1" });
    const unbound = text.replace("ask('out', replace)", "ask('out', replace=compute())");
    expect(reach(unbound, "--replace")).toEqual({ skipped: false, skipWith: null });
  });

  it("says nothing for a file no step runs", () => {
    expect(promptReach("x = input()\n", 0, 4, [])).toBeNull();
  });
});
