// Calls that wait for someone at the terminal, with the condition they sit in.
import { describe, expect, it } from "vitest";
import { promptCalls } from "../../../../src/extract/families/training-setup/prompts.js";

const calls = (text: string) => promptCalls(text).map((p) => [p.line, p.name, p.condition, p.switchable]);

describe("promptCalls", () => {
  it("names each prompt and the if or while it hides behind", () => {
    const text = [
      "import getpass, click",
      "from rich.prompt import Confirm",
      "if os.path.exists(out):",
      "    if input('overwrite? ') != 'y':",
      "        sys.exit()",
      "while True:",
      "    key = getpass.getpass()",
      "def main():",
      "    ok = click.prompt('lr')",
      "    if Confirm.ask('go?'):",
      "        pass",
      "",
    ].join("\n");
    expect(calls(text)).toEqual([
      [4, "input", "os.path.exists(out)", false],
      [7, "getpass.getpass", "True", false],
      [9, "click.prompt", null, false],
      [10, "Confirm.ask", null, false],
    ]);
  });

  it("reads a terminal check or a yes or force flag as the user's switch", () => {
    const text = "if sys.stdin.isatty():\n    a = input()\nif not args.force:\n    b = input()\n";
    expect(calls(text)).toEqual([
      [2, "input", "sys.stdin.isatty()", true],
      [4, "input", "not args.force", true],
    ]);
  });

  it("leaves out methods, definitions, strings and comments", () => {
    const text =
      "x = model.input(3)\ndef input(x):\n    pass\nprint('type input() here')\ny = 1  # input()\nz = input_fn(2)\n";
    expect(calls(text)).toEqual([]);
  });

  it("leaves out prose in a docstring or a multi-line string, and reads code after one closes", () => {
    const text = [
      "def call(self, decoder_input_ids=None):",
      '    """',
      "    If the cache is used, only the last ids have to be",
      "    input (see `past_key_values`).",
      '    Then input (the rest) once more."""',
      "    usage = '''name:",
      "    input(name) asks for it'''",
      '    """done"""; a = input()',
      "",
    ].join("\n");
    expect(calls(text)).toEqual([[8, "input", null, false]]);
  });
});
