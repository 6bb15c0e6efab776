// Debug flags that gate saving or the training's length, with their committed default.
import { describe, expect, it } from "vitest";
import { debugSwitches } from "../../../../src/extract/families/training-setup/debug-switch.js";

const switches = (text: string) => debugSwitches(text).map((d) => [d.line, d.name, d.effects, d.off]);

describe("debugSwitches", () => {
  it("names what a flag on turns off or shortens", () => {
    const text = [
      "DEBUG = True",
      "EPOCHS = 30",
      "if DEBUG:",
      "    EPOCHS = 1",
      "    df = df.head(100)",
      "for epoch in range(EPOCHS):",
      "    train()",
      "if not DEBUG:",
      "    torch.save(model.state_dict(), 'best.pth')",
      "",
    ].join("\n");
    expect(switches(text)).toEqual([[1, "DEBUG", "shortens training (line 3), turns off saving (line 8)", false]]);
  });

  it("reads a config attribute and a conditional expression, and a default that is off", () => {
    const text = "class CFG:\n    debug = False\nn_epochs = 1 if CFG.debug else 20\n";
    expect(switches(text)).toEqual([[2, "debug", "shortens training (line 3)", true]]);
  });

  it("leaves out a flag that gates only logging", () => {
    expect(switches("DEBUG = True\nif DEBUG:\n    print(x)\nif not DEBUG:\n    log(x)\n")).toEqual([]);
  });

  it("leaves out a flag set on only under another debug flag, the user's switch", () => {
    const text = [
      "import argparse",
      "class CFG:",
      "    seed = 1",
      "parser = argparse.ArgumentParser()",
      "parser.add_argument('--debug', action='store_true')",
      "args = parser.parse_args()",
      "if args.debug:",
      "    CFG.debug = True",
      "if CFG.debug:",
      "    df = df.sample(1000)",
      "",
    ].join("\n");
    expect(switches(text)).toEqual([]);
  });

  it("leaves out a flag set on inside a helper nothing calls, and keeps one a called helper sets", () => {
    const helper = (call: string) =>
      [
        "def default_args():",
        "    args = SimpleNamespace()",
        "    args.debug = True",
        "    return args",
        call,
        "if args.debug:",
        "    epochs = 1",
        "",
      ].join("\n");
    expect(switches(helper("# args = default_args()\nargs = parse_args()"))).toEqual([]);
    expect(switches(helper("args = default_args()"))).toEqual([[3, "args.debug", "shortens training (line 6)", false]]);
  });
});
