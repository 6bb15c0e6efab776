import { describe, expect, it } from "vitest";
import { textGiver, textSetter, unsetFlagSpans } from "../../../../src/extract/families/rerun-plan/unset-flags.js";

const loader = [
  "def create_loader(", // 1
  "        dataset,", // 2
  "        batch_size,", // 3
  "        use_prefetcher=True,", // 4
  "        tf_preprocessing=False,", // 5
  "):", // 6
  "    if tf_preprocessing and use_prefetcher:", // 7
  "        from pkg.tf_pre import TfPreprocess", // 8
  "        return TfPreprocess(dataset)", // 9
  "    return dataset", // 10
].join("\n");

const spansWith = (...callers: string[]) =>
  unsetFlagSpans(
    loader,
    textSetter(() => [loader, ...callers]),
  ).map((s) => s.span);

describe("unsetFlagSpans", () => {
  it("takes the body of a branch behind a flag parameter no caller sets", () => {
    expect(spansWith("create_loader(ds, 32, use_prefetcher=False)\n")).toEqual([[8, 9]]);
    expect(
      unsetFlagSpans(
        loader,
        textSetter(() => [loader]),
      )[0]!.why,
    ).toBe("create_loader() runs it only when tf_preprocessing is set, which defaults to False and no caller sets");
  });

  it("takes nothing where a caller passes the flag by keyword, by position or by a spread", () => {
    expect(spansWith("create_loader(ds, 32, tf_preprocessing=args.tf)\n")).toEqual([]);
    expect(spansWith("create_loader(ds, 32, True, True)\n")).toEqual([]);
    expect(spansWith("create_loader(ds, **kwargs)\n")).toEqual([]);
  });

  it("takes nothing where the body reassigns the flag or the test may hold without it", () => {
    const reassigned = loader.replace(
      "    if tf_preprocessing and",
      "    tf_preprocessing = True\n    if tf_preprocessing and",
    );
    expect(
      unsetFlagSpans(
        reassigned,
        textSetter(() => [reassigned]),
      ),
    ).toEqual([]);
    const either = loader.replace("tf_preprocessing and use_prefetcher", "tf_preprocessing or use_prefetcher");
    expect(
      unsetFlagSpans(
        either,
        textSetter(() => [either]),
      ),
    ).toEqual([]);
  });
});

const gather = [
  "import glob", // 1
  "", // 2
  "def gather(root, paths=None):", // 3
  "    if paths is None:", // 4
  "        paths = glob.glob(root + '/*/oof.csv')", // 5
  "    return paths", // 6
].join("\n");

const givenWith = (caller: string) =>
  unsetFlagSpans(
    gather,
    textSetter(() => [gather, caller]),
    textGiver(() => [
      { file: "parts.py", text: gather },
      { file: "blend.py", text: caller },
    ]),
  );

describe("unsetFlagSpans: a None default every caller gives", () => {
  it("takes the body of `if paths is None:` where every call passes paths, naming the first", () => {
    const spans = givenWith("from parts import gather\nx = 1\nout = gather('out', paths=['a.csv'])\n");
    expect(spans.map((s) => s.span)).toEqual([[5, 5]]);
    expect(spans[0]!.why).toBe("gather() runs it only when paths is not given, and every caller gives it (blend.py:3)");
    expect(givenWith("import parts\nout = parts.gather('out', ['a.csv'])\n").map((s) => s.span)).toEqual([[5, 5]]);
  });

  it("takes nothing where a call leaves paths out, passes None or a spread, or hands the function on", () => {
    expect(givenWith("gather('out', paths=['a.csv'])\ngather('out')\n")).toEqual([]);
    expect(givenWith("gather('out', paths=None)\n")).toEqual([]);
    expect(givenWith("gather('out', **kw)\n")).toEqual([]);
    expect(givenWith("jobs = map(gather, roots)\n")).toEqual([]);
    expect(givenWith("x = 1\n")).toEqual([]);
  });
});
