import { expect, it } from "vitest";
import { parserFilledFields } from "../../../src/extract/python/parser-filled-fields.js";

const CONFIG = [
  "import argparse", //                                   1
  "from dataclasses import dataclass", //                  2
  "", //                                                   3
  "@dataclass", //                                         4
  "class Config:", //                                      5
  '    data: str = "/ssd3/user/x.csv"', //                 6
  '    device: str = "cuda:2"', //                         7
  '    out: str = "/ssd3/user/out"', //                    8
  "", //                                                   9
];

it("finds the dataclass defaults a parser fills with **vars(args), not the fields it lacks", () => {
  const text = [
    ...CONFIG,
    "def parse_args():",
    "    p = argparse.ArgumentParser()",
    "    p.add_argument('--data', type=str, default='input/x.csv')",
    "    p.add_argument(",
    "        '--device', type=str, default='cuda:0')",
    "    # p.add_argument('--out', default='o')",
    "    args = p.parse_args()",
    "    return Config(**vars(args))",
  ].join("\n");
  expect([...parserFilledFields(text)]).toEqual([6, 7]);
});

it("finds the fields passed by keyword from the parsed arguments", () => {
  const text = [
    ...CONFIG,
    "p = argparse.ArgumentParser()",
    "p.add_argument('--device', default='cuda:0')",
    "p.add_argument('--data-path', dest='data_path')",
    "opt = p.parse_args()",
    "cfg = Config(device=opt.device, data=opt.data_path)",
  ].join("\n");
  expect([...parserFilledFields(text)]).toEqual([6, 7]);
});

it("keeps the defaults of a dataclass built without the parser's values", () => {
  const text = [...CONFIG, "p = argparse.ArgumentParser()", "p.add_argument('--device')", "cfg = Config()"].join("\n");
  expect(parserFilledFields(text).size).toBe(0);
});
