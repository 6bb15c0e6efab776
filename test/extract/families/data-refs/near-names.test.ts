// A read no step writes, beside a write of a near name into the same folder; and integer fields that cannot make
// a name read.
import { describe, expect, it } from "vitest";
import { fitsTypedFields, nearestWritten } from "../../../../src/extract/families/data-refs/near-names.js";
import type { Written } from "../../../../src/extract/families/data-refs/produced.js";

const write = (path: string, by = "code/a01.py:5", fromFile = "code/a01.py"): Written => ({
  path,
  by,
  what: "file",
  fromFile,
});

describe("nearestWritten", () => {
  it("names the write into the same folder whose name shares most of the read's words", () => {
    const writes = [write("../out/hashes_train_uncompressed_part_*.pklz"), write("../out/other_table.pklz")];
    expect(nearestWritten(writes, "../out/hashes_train_part_0.pklz", "code/a02.py")).toBe(
      "../out/hashes_train_uncompressed_part_*.pklz (code/a01.py:5)",
    );
    expect(nearestWritten([write("../features/get_zf_x_test.csv")], "../features/zf_x_test.csv", "code/a02.py")).toBe(
      "../features/get_zf_x_test.csv (code/a01.py:5)",
    );
  });
  it("says nothing for another folder, another extension or a name of other words", () => {
    expect(nearestWritten([write("../other/get_zf_x_test.csv")], "../features/zf_x_test.csv", "code/a.py")).toBeNull();
    expect(
      nearestWritten([write("../features/get_zf_x_test.pkl")], "../features/zf_x_test.csv", "code/a.py"),
    ).toBeNull();
    expect(nearestWritten([write("../features/train_folds.csv")], "../features/zf_x_test.csv", "code/a.py")).toBeNull();
  });
  it("says nothing when some write into that folder has no known name (it may be the file read)", () => {
    const writes = [write("../features/get_zf_x_test.csv"), write("../features/*.csv", "code/b.py:3")];
    expect(nearestWritten(writes, "../features/zf_x_test.csv", "code/a02.py")).toBeNull();
  });
});

describe("fitsTypedFields", () => {
  it("lets an integer field take digits only", () => {
    const line = "    df.to_csv('submission_fold%d.csv' % fold)";
    expect(fitsTypedFields("submission_fold1_best.csv", "submission_fold*.csv", line)).toBe(false);
    expect(fitsTypedFields("submission_fold1.csv", "submission_fold*.csv", line)).toBe(true);
    expect(fitsTypedFields("fold_x.csv", "fold_*.csv", "    df.to_csv(f'fold_{i:02d}.csv')")).toBe(false);
  });
  it("lets other fields take any text, and says yes when the line shows no literal of the pattern", () => {
    expect(
      fitsTypedFields("submission_fold1_best.csv", "submission_fold*.csv", "x.to_csv('submission_fold%s.csv' % f)"),
    ).toBe(true);
    expect(fitsTypedFields("submission_fold1_best.csv", "submission_fold*.csv", "x.to_csv(name)")).toBe(true);
  });
});

describe("fitsTypedFields on other matches", () => {
  it("says yes when the written pattern does not make the name through its fields (a folder listed)", () => {
    expect(fitsTypedFields("weights", "../weights/fold*.pth", "torch.save(m, f'../weights/fold{fold:d}.pth')")).toBe(
      true,
    );
  });
});
