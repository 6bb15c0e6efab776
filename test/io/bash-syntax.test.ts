// bash -n judges a script's text without running any of it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bashSyntaxError, MAX_SCRIPT_BYTES } from "../../src/io/bash-syntax.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("bashSyntaxError", () => {
  it("names bash's first error and its line", async () => {
    expect(await bashSyntaxError("set -e\nfor f in 0 1\n  python t.py\ndone\n")).toEqual({
      line: 3,
      message: "syntax error near unexpected token `python'",
    });
    expect(await bashSyntaxError("if true; then\n  echo\n")).toEqual({
      line: 3,
      message: "syntax error: unexpected end of file",
    });
  });

  it("passes what parses, extglob patterns included when the script turns extglob on", async () => {
    expect(await bashSyntaxError("for f in 0 1; do\n  echo $f\ndone\n")).toBeNull();
    expect(await bashSyntaxError("shopt -s extglob\nrm -f out/!(keep).pth\n")).toBeNull();
  });

  it("runs no command, substitution or redirection of the script", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bash-syntax-"));
    dirs.push(dir);
    const mark = join(dir, "ran");
    expect(await bashSyntaxError(`touch ${mark}\necho $(touch ${mark}2) > ${mark}3\n`)).toBeNull();
    expect(await bashSyntaxError(`touch ${mark}\nfor x in a\n  echo\ndone\n`)).not.toBeUndefined();
    expect(["", "2", "3"].filter((s) => existsSync(mark + s))).toEqual([]);
  });

  it("does not check a script over the size cap or with a NUL byte", async () => {
    expect(await bashSyntaxError(`echo ${"x".repeat(MAX_SCRIPT_BYTES)}\nfor\n`)).toBeUndefined();
    expect(await bashSyntaxError("echo a\0b\nfor\n")).toBeUndefined();
  });
});
