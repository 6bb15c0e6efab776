import { describe, expect, it } from "vitest";
import { ruledOutSpans, type OptionValues } from "../../../../src/extract/families/rerun-plan/ruled-out.js";

const given =
  (values: Record<string, string[]>): OptionValues =>
  (option) =>
    values[option] ? { values: values[option]!, why: `--${option}=${values[option]!.join(",")}` } : null;

describe("ruled-out branches", () => {
  const text = [
    "def loaders(args):", // 1
    "    if args.dataset == 'ImageNet':", // 2
    "        root = '/home/u/ImageNet'", // 3
    "", // 4
    "        n = 1000", // 5
    "    elif args.dataset == 'CIFAR100':", // 6
    "        root = 'data/cifar'", // 7
    "    if 'cswin' in args.backbone:", // 8
    "        torch.load('pretrain/x.pth')", // 9
    "    if cfg.backbone_name.find('resnet') != -1:", // 10
    "        load_resnet()", // 11
    "    if args.dataset in ('GLD-v2', 'GLD-v1'):", // 12
    "        np.load('gld.npy')", // 13
    "    return root", // 14
  ].join("\n");

  it("takes the bodies of branches no documented value enters, not the one it does", () => {
    const spans = ruledOutSpans(
      text,
      given({ dataset: ["CIFAR100"], backbone: ["resnet50"], backbone_name: ["efficientnetb2"] }),
    );
    expect(spans.map((s) => s.span)).toEqual([
      [3, 5],
      [9, 9],
      [11, 11],
      [13, 13],
    ]);
    expect(spans[0]!.why).toBe("--dataset=CIFAR100");
  });

  it("takes nothing where a value is unknown, one step enters the branch, or the code sets the option", () => {
    expect(ruledOutSpans(text, given({}))).toEqual([]);
    expect(ruledOutSpans(text, given({ dataset: ["CIFAR100", "ImageNet", "GLD-v2"] }))).toEqual([]);
    const sets = `${text}\nargs.dataset = 'ImageNet'\n`;
    expect(ruledOutSpans(sets, given({ dataset: ["CIFAR100"] }))).toEqual([]);
  });
});
