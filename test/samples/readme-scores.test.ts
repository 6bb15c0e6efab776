// The scores the README states for the bundled samples are those a static audit gives them today, both as
// a git repo (as test/samples makes it) and as the plain folder a reader of this checkout audits.
import { readFileSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/pipeline.js";
import { makeSampleRepo, sampleDir } from "../support/sample-repo.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
/** "`messy-kaggle` scores 33 as a git repo and 43 as the plain folder": the README's stated scores. */
const STATED = [...README.matchAll(/`([\w-]+)` (?:scores )?(\d+) as a git repo and (\d+) as the plain folder/g)].map(
  (m) => ({ sample: m[1]!, asRepo: Number(m[2]), asFolder: Number(m[3]) }),
);

describe("the README's sample scores", () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it("names the two samples it ranks", () => {
    expect(STATED.map((s) => s.sample)).toEqual(["clean-solution", "messy-kaggle"]);
  });

  for (const { sample, asRepo, asFolder } of STATED) {
    it(`${sample}: ${asRepo} as a git repo, ${asFolder} as the plain folder`, async () => {
      const repo = makeSampleRepo(sample);
      made.push(repo);
      const fromRepo = await audit({ source: repo, stages: ["static"] });
      const fromFolder = await audit({ source: `${sampleDir(sample)}repo`, stages: ["static"] });
      expect([Math.round(fromRepo.report.score.total ?? -1), Math.round(fromFolder.report.score.total ?? -1)]).toEqual([
        asRepo,
        asFolder,
      ]);
    });
  }
});
