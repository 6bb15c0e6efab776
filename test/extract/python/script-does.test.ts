// What a script's own code says it does: fit a model, write the submission file.
import { describe, expect, it } from "vitest";
import { fitsModel, writesSubmission } from "../../../src/extract/python/script-does.js";

describe("writesSubmission", () => {
  it("finds a submission file written on a line, or through a constant a writing line uses", () => {
    expect(writesSubmission("sub.to_csv('output/submission.csv', index=False)\n", [])).toBe(true);
    expect(writesSubmission("SUB_PATH = f'{OUT}/final_submission.csv'\ndf.to_csv(SUB_PATH)\n", [])).toBe(true);
    expect(writesSubmission("with open('submission.csv', 'w') as f:\n    f.write(x)\n", [])).toBe(true);
    expect(writesSubmission("pd.DataFrame(p).to_csv('preds.csv')\n", ["preds.csv"])).toBe(true);
  });
  it("takes no read of the sample submission, and no line too long for a person, for a submission written", () => {
    expect(writesSubmission("s = pd.read_csv('sample_submission.csv')\ns.to_csv('folds.csv')\n", [])).toBe(false);
    expect(writesSubmission("df.to_csv('sample_submission.csv')\n", [])).toBe(false);
    expect(writesSubmission(`x = 1; ${"open(".repeat(5000)}'submission.csv'\n`, [])).toBe(false);
  });
  it("fitsModel still reads a backward pass or a .fit call", () => {
    expect(fitsModel("loss.backward()\n")).toBe(true);
    expect(fitsModel("print(1)\n")).toBe(false);
  });
});
