// Reading a shell script's lines with the moves it makes to its own folder followed.
import { describe, expect, it } from "vitest";
import { scriptLineReader } from "../../../src/extract/shell/script-folder.js";

/** The folder after each line of a script lying in `folder`, started from the root. */
function folders(folder: string, lines: string[]): string[] {
  const read = scriptLineReader(folder);
  let cwd = "";
  return lines.map((line) => (cwd = read(line, cwd).cwd));
}

describe("scriptLineReader", () => {
  it("lands in the script's folder for each way of naming it", () => {
    for (const move of [
      'cd "$(dirname "$0")"',
      "cd $(dirname $0)",
      'cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1',
      "cd `dirname $0`",
      'cd "${0%/*}"',
      'cd "$(dirname "$(readlink -f "$0")")"',
      'cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null',
      'pushd "$(dirname "$0")" > /dev/null',
    ])
      expect([move, folders("a/b", [move])]).toEqual([move, ["a/b"]]);
  });

  it("follows a variable holding the folder, a path below or above it, and popd back", () => {
    expect(
      folders("a/b", [
        'HERE="$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"',
        'ROOT=$(dirname "$HERE")',
        "cd $ROOT",
        'pushd "$HERE/configs"',
        "popd",
        'cd "$(dirname "$0")/.."',
      ]),
    ).toEqual(["", "", "a", "a/b/configs", "a", "a"]);
  });

  it("runs what follows the move on the same line from there, and leaves other lines as the shell reads them", () => {
    const read = scriptLineReader("sub");
    const moved = read('cd "$(dirname "$0")" && python train.py', "");
    expect([moved.cwd, moved.command?.scriptCandidates[0]]).toEqual(["sub", "sub/train.py"]);
    expect(read("cd $HOME", "x").cwd).toBe("");
    expect(read("cd src", "x").cwd).toBe("x/src");
    expect(read('OUT=$(dirname "$1")', "x")).toEqual({ command: null, cwd: "x" });
    expect(read("cd $OUT", "x").cwd).toBe("");
  });
});
