// samples/leaderboards/: the synthetic boards are what the committed script makes, byte for byte, and add
// up as the published competition did.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseBoard } from "../../src/batch/kaggle-csv.js";
import { readBoardText } from "../../src/batch/board-file.js";

const LEADERBOARDS = new URL("../../samples/leaderboards/", import.meta.url).pathname;
const SCRIPT = new URL("../../scripts/make-sample-leaderboards.mjs", import.meta.url).pathname;
const BOARDS = ["siim-covid19-detection-privateleaderboard.csv", "siim-covid19-detection-publicleaderboard.zip"];

describe("sample leaderboards", () => {
  it("are remade byte for byte by scripts/make-sample-leaderboards.mjs, in any time zone", () => {
    for (const tz of ["UTC", "Pacific/Auckland"]) {
      const out = mkdtempSync(join(tmpdir(), "boards-"));
      execFileSync(process.execPath, [SCRIPT, out], { env: { ...process.env, TZ: tz }, stdio: "ignore" });
      expect(readdirSync(out).sort()).toEqual(BOARDS);
      for (const name of BOARDS)
        expect(readFileSync(join(out, name)).equals(readFileSync(join(LEADERBOARDS, name))), `${name} (TZ=${tz})`).toBe(
          true,
        );
    }
  });

  it("hold 1,305 teams whose entries add up as published, on both boards", () => {
    for (const name of BOARDS) {
      const rows = parseBoard(name, readBoardText(join(LEADERBOARDS, name), name, "test"));
      expect(rows).toHaveLength(1305);
      const entries = rows.map((r) => r.entries ?? Number.NaN);
      expect(entries.reduce((s, n) => s + n, 0)).toBe(32_307);
      expect(entries.filter((n) => n >= 3).reduce((s, n) => s + n, 0)).toBe(31_751);
      expect(new Set(rows.map((r) => r.teamId)).size).toBe(1305);
      expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    }
  });
});
