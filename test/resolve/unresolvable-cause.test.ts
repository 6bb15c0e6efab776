import { describe, expect, it } from "vitest";
import {
  boundedDistance,
  closestNames,
  editDistance,
  missingIn,
  nearestVersions,
  suggestedNames,
  unresolvableCause,
} from "../../src/resolve/unresolvable-cause.js";

const base = {
  python: { version: "3.11", stated: false, source: "default" },
  projects: null,
  versions: null,
  installsOn: [],
  tried: ["3.7", "3.13"],
};

describe("unresolvable-cause", () => {
  it("reads what uv's reason says is missing", () => {
    expect(
      missingIn("Because json was not found in the package registry and you require json, we can conclude"),
    ).toEqual({ kind: "name", name: "json" });
    expect(missingIn("Because there is no version of alpha==9.9 and you require alpha==9.9, we can conclude")).toEqual({
      kind: "version",
      name: "alpha",
      wanted: "9.9",
    });
    expect(missingIn("Because you require a>=2 and a<1, we can conclude")).toBeNull();
  });

  it("counts a swap of two letters as one edit, and keeps only close names", () => {
    expect(editDistance("torchvisoin", "torchvision")).toBe(1);
    expect(closestNames("torchvisson", ["torchvision", "torch", "torchaudio", "vision"])).toEqual(["torchvision"]);
    expect(closestNames("scikit_learn", ["scikit-learn", "scikit-image"])).toEqual([]);
    expect(closestNames("sklearn2", ["scikit-learn"])).toEqual([]);
  });

  it("a bounded distance agrees with the full one within its limit, and says past it otherwise", () => {
    const words = ["torchvision", "torchvisoin", "torchvisson", "torch", "vision", "tochvision", "pytorch", "a", ""];
    for (const a of words)
      for (const b of words)
        for (const limit of [1, 2, 3]) {
          const full = editDistance(a, b);
          expect(boundedDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(full <= limit ? full : limit + 1);
        }
  });

  it("finds the close names in a list as long as a public index's", () => {
    // Names as long as the one asked, so none is set aside by its length alone.
    const names = Array.from({ length: 300_000 }, (_, i) => `pkg-${i.toString(36).padStart(5, "0")}x${i % 10}`);
    names.splice(150_000, 0, "torchvision");
    expect(closestNames("torchvisson", names)).toEqual(["torchvision"]);
  }, 12_000); // the full distance for every name took 15 s and more here

  it("gives the versions nearest below and above the one wanted", () => {
    expect(nearestVersions("1.5", ["1.0", "1.4", "1.10", "2.0", "0.9"])).toEqual(["1.4", "1.10", "1.0"]);
    expect(nearestVersions("9.9", ["1.0", "2.0"])).toEqual(["2.0", "1.0"]);
    expect(nearestVersions("0.1", ["1.0", "2.0"])).toEqual(["1.0", "2.0"]);
  });

  it("says nothing it cannot back: no close name, no versions read, a conflict of pins", () => {
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "version-missing",
        reason: "Because zzz was not found in the package registry",
      }),
    ).toBe("the index has no project named zzz: check its spelling on the index");
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "version-missing",
        reason: "Because there is no version of a==3 and you require a==3",
      }),
    ).toBe("the index has no version 3 of a");
    expect(
      unresolvableCause({ ...base, resolutionClass: "unresolvable", reason: "Because you require a>=2 and a<1" }),
    ).toBeNull();
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "python-conflict",
        reason: "no wheels with a matching Python ABI tag",
      }),
    ).toBe(
      "no Python from 3.7 to 3.13 has every pin: each was tried, with wheels only and the lines that need a source build left out; the pins need Pythons that do not meet",
    );
  });

  it("a stated Python whose pins no other Python resolved, where some Pythons were not judged, says so", () => {
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "python-conflict",
        reason: "no wheels with a matching Python ABI tag",
        python: { version: "3.11", stated: true, source: ".python-version:1" },
        notJudged: ["3.7"],
      }),
    ).toBe(
      "Python 3.11 (stated in .python-version:1) has no wheels for every pin, and no other Python from 3.7 to 3.13 resolved them with wheels only (on Python 3.7 the resolver could not judge them)",
    );
  });

  it("suggests the names people mean (sklearn, opencv) from the import-name tables, and close names the index has", () => {
    // Offline, or an index list too large to read: the tables alone.
    expect(suggestedNames("sklearn", null)).toEqual(["scikit-learn"]);
    expect(suggestedNames("opencv", null)).toEqual(["opencv-python"]);
    expect(suggestedNames("PIL", null)).toEqual(["pillow"]);
    expect(suggestedNames("zzzqqq", null)).toEqual([]);
    // With the index's list: only names it has.
    expect(suggestedNames("sklearn", ["numpy", "scikit-learn"])).toEqual(["scikit-learn"]);
    expect(suggestedNames("sklearn", ["numpy"])).toEqual([]);
    expect(suggestedNames("torchvisson", ["torchvision", "torch"])).toEqual(["torchvision"]);
  });

  it("asks 'did you mean' for a name the index lacks, and for a pin of a project with no releases", () => {
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "version-missing",
        reason: "Because sklearn was not found in the package registry and you require sklearn, we can conclude ...",
      }),
    ).toBe("the index has no project named sklearn; did you mean scikit-learn?");
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "version-missing",
        versions: [],
        reason: "Because there is no version of opencv==4.5.1 and you require opencv==4.5.1, we can conclude ...",
      }),
    ).toBe("the index has no version 4.5.1 of opencv; did you mean opencv-python?");
    // PyPI's sklearn is a placeholder with dummy releases: the nearest versions, and the name meant.
    expect(
      unresolvableCause({
        ...base,
        resolutionClass: "version-missing",
        versions: ["0.0.post7", "0.0.post9"],
        reason: "Because there is no version of sklearn==0.23.2 and you require sklearn==0.23.2, we can conclude ...",
      }),
    ).toBe(
      "the index has no version 0.23.2 of sklearn; the nearest it has: 0.0.post9, 0.0.post7; did you mean scikit-learn?",
    );
  });
});
