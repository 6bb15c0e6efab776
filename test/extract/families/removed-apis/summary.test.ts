import { describe, expect, it } from "vitest";
import { shortName, summaries, type SummaryUse } from "../../../../src/extract/families/removed-apis/summary.js";

const use = (api: string, place: string, removedIn: string, extra: Partial<SummaryUse> = {}): SummaryUse => ({
  api,
  file: place.split(":")[0]!,
  place,
  package: "lib",
  removedIn,
  source: `https://example.org/${removedIn}`,
  instead: `new ${api}`,
  breaks: true,
  ...extra,
});

describe("removed-apis summary", () => {
  it("names a class's member without its module, and keeps a bare name or a module path whole", () => {
    expect(shortName("pytorch_lightning.Trainer(gpus=)")).toBe("Trainer(gpus=)");
    expect(shortName("pytorch_lightning.LightningModule.test_epoch_end")).toBe("LightningModule.test_epoch_end");
    expect(shortName("PIL.Image.ANTIALIAS")).toBe("Image.ANTIALIAS");
    expect(shortName("lightgbm.train(verbose_eval=)")).toBe("lightgbm.train(verbose_eval=)");
    expect(shortName("numpy.NaN")).toBe("numpy.NaN");
    expect(shortName("sklearn.externals.joblib")).toBe("sklearn.externals.joblib");
  });

  it("sums a package's uses with one verdict, each use's own API first, and pins below the earliest removal", () => {
    const uses = [
      use("lib.a", "x.py:1", "10.0"),
      use("lib.b", "y.py:2", "9.0"),
      use("lib.a", "y.py:5", "10.0"),
      use("lib.c", "z.py:1", "1.0", { breaks: false }),
      use("other.d", "z.py:2", "1.0", { package: "other" }),
    ];
    const [x, y, again, held, other] = summaries(uses);
    expect(x).toEqual({
      apis: "lib.a in 10.0 (x.py:1 and 1 more file), lib.b in 9.0 (y.py:2)",
      apiCount: 2,
      apiWords: "2 APIs this code uses",
      pinBelow: "9.0",
      sources: "https://example.org/10.0, https://example.org/9.0",
      replace: "new lib.a for lib.a; new lib.b for lib.b",
    });
    expect(y).toMatchObject({
      apis: "lib.b in 9.0 (y.py:2), lib.a in 10.0 (y.py:5 and 1 more file)",
      sources: "https://example.org/9.0, https://example.org/10.0",
    });
    expect(again!.apis).toBe("lib.a in 10.0 (y.py:5 and 1 more file), lib.b in 9.0 (y.py:2)");
    const [, , , late] = summaries([...uses.slice(0, 3), use("lib.e", "y.py:9", "10.0")]);
    expect(late!.apis).toMatch(/^lib\.e in 10\.0 \(y\.py:9\), lib\.a in 10\.0 \(y\.py:5 and 1 more file\), lib\.b /);
    expect(held).toMatchObject({ apiCount: 1, apiWords: "an API this code uses", replace: "new lib.c" });
    expect(other).toMatchObject({ apis: "other.d in 1.0 (z.py:2)", pinBelow: "1.0" });
  });

  it("lists as many APIs as a finding quotes whole, then counts the rest", () => {
    const many = Array.from({ length: 12 }, (_, i) => use(`lib.name_${i}`, `src/module_${i}.py:${i + 1}`, "2.0"));
    const [first] = summaries(many);
    expect(first!.apis.length).toBeLessThanOrEqual(200);
    expect(first!.apis).toMatch(/^lib\.name_0 in 2\.0 \(src\/module_0\.py:1\), .* and \d+ more$/);
    const shown = first!.apis.split(", ").length;
    expect(first!.apis.endsWith(` and ${12 - shown} more`)).toBe(true);
  });
});
