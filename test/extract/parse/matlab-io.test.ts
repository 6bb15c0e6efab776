import { describe, expect, it } from "vitest";
import { isMatlabText, matlabIo } from "../../../src/extract/parse/matlab-io.js";

const io = (text: string) => matlabIo(text).map((x) => `${x.mode} ${x.path} ${x.line} ${x.call}`);

describe("matlabIo", () => {
  it("lists reads and writes by literal name, with line and call", () => {
    const text = [
      "% prepare the station table",
      "T = readtable('raw/readings.csv');",
      'S = xlsread("raw/stations.xlsx");',
      "M = csvread('raw/grid.csv', 1, 0);",
      "load('raw/weather.mat');",
      "writetable(T, 'work/merged.csv');",
      "csvwrite('work/grid_clean.csv', M);",
      "xlswrite('work/st.xlsx', S);",
      "save('work/feats.mat', 'X');",
      "dlmwrite('work/m.txt', M);",
    ].join("\n");
    expect(io(text)).toEqual([
      "read raw/readings.csv 2 readtable",
      "read raw/stations.xlsx 3 xlsread",
      "read raw/grid.csv 4 csvread",
      "read raw/weather.mat 5 load",
      "write work/merged.csv 6 writetable",
      "write work/grid_clean.csv 7 csvwrite",
      "write work/st.xlsx 8 xlswrite",
      "write work/feats.mat 9 save",
      "write work/m.txt 10 dlmwrite",
    ]);
  });

  it("joins fullfile parts and bracket concatenations, with variables set to literals", () => {
    const text = [
      "dataDir = 'data/raw/';",
      "outDir = fullfile('data', 'work');",
      "A = readtable([dataDir 'train.csv']);",
      "writetable(A, fullfile(outDir, 'train_feats.csv'));",
      "B = readtable([unknownRoot, 'test.csv']);",
      "C = readtable(fullfile(root, 'extra.csv'));",
    ].join("\n");
    expect(io(text)).toEqual([
      "read data/raw/train.csv 3 readtable",
      "write data/work/train_feats.csv 4 writetable",
      "read *test.csv 5 readtable",
      "read */extra.csv 6 readtable",
    ]);
  });

  it("skips comments, block comments, transposes and unnamed paths", () => {
    const text = [
      "%{",
      "T = readtable('old/ignored.csv');",
      "%}",
      "x = y'; % readtable('in_comment.csv')",
      "z = A(1,:)' + b';",
      "T = readtable(fname);",
      "save out/model.mat net",
      "fid = fopen('log/run.txt', 'w');",
      "writetable(T, ...",
      "  'work/cont.csv');",
    ].join("\n");
    expect(io(text)).toEqual([
      "write out/model.mat 7 save",
      "write log/run.txt 8 fopen",
      "write work/cont.csv 9 writetable",
    ]);
  });

  it("adds .mat where load and save name none, reads sprintf's literal parts, and no continuation in a string", () => {
    const text = [
      "load data/weather",
      "save('work/model', 'net');",
      "disp('loading...')",
      "F = readtable(sprintf('feats/fold%d.csv', k));",
    ].join("\n");
    expect(io(text)).toEqual([
      "read data/weather.mat 1 load",
      "write work/model.mat 2 save",
      "read feats/fold*.csv 4 readtable",
    ]);
  });

  it("reads nothing from an Objective-C file that shares the extension", () => {
    const text = '#import <Foundation/Foundation.h>\n@interface A : NSObject\n- (void)load;\n@end\nload("x.mat")\n';
    expect(isMatlabText(text)).toBe(false);
    expect(matlabIo(text)).toEqual([]);
  });

  it("reads nothing from a Mathematica package that shares the extension", () => {
    const text = '(* ::Package:: *)\ndata = Import["x.csv"];\nsave("y.mat")\n';
    expect(matlabIo(text)).toEqual([]);
  });
});
