// What --out writes beside the report: emissions.csv in the report's files folder when the training has
// a measured or estimated figure, through the bin.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { parseWithPython } from "../support/python-csv.js";
import { sampleReport } from "../report/fixtures.js";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "report-output-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("--out and emissions.csv", () => {
  it("writes one CodeCarbon row into report.files/ beside the report", () => {
    const dir = temp();
    const saved = join(dir, "saved.json");
    writeFileSync(saved, JSON.stringify(sampleReport()));
    const result = runCli(["report", saved, "--format", "json", "--out", join(dir, "report.json")]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parseWithPython(readFileSync(join(dir, "report.files", "emissions.csv"), "utf8"));
    expect(rows.map((r) => [r.project_name, r.tracking_mode, r.energy_consumed])).toEqual([
      ["https://github.com/acme/melanoma-solution.git", "measured", "1.845"],
    ]);
    expect(existsSync(join(dir, "report.files", ".repro-audit-files"))).toBe(true);
  });

  it("writes none when the report has no carbon figure", () => {
    const dir = temp();
    const saved = join(dir, "saved.json");
    const report = sampleReport();
    delete report.carbon;
    writeFileSync(saved, JSON.stringify(report));
    expect(runCli(["report", saved, "--format", "json", "--out", join(dir, "report.json")]).code).toBe(0);
    expect(existsSync(join(dir, "report.files", "emissions.csv"))).toBe(false);
  });
});
