// Training code changed after the history's first long silence, read from git's dates alone.
import { describe, expect, it } from "vitest";
import { lateRewrite } from "../../../../src/extract/families/branches/late-rewrites.js";
import type { HistoryCommit } from "../../../../src/model/branch-view.js";

const c = (date: string, author: string, ...files: string[]): HistoryCommit => ({
  commit: date,
  date: `${date}T12:00:00Z`,
  author,
  files,
});
const training = (path: string) => /train|cfg/.test(path);

describe("lateRewrite", () => {
  it("names the training files a new author changes months after the published history", () => {
    const history = [
      c("2026-02-04", "fork", "notes.md"),
      c("2026-01-30", "fork", "train.py"),
      c("2026-01-31", "fork", "train.py", "cfg.py"),
      c("2025-09-17", "author", "train.py", "README.md"),
    ];
    expect(lateRewrite(history, training)).toEqual({
      published: "2025-09-17",
      first: "2026-01-30",
      last: "2026-01-31",
      days: 135,
      files: "cfg.py, train.py",
      commits: 2,
      authors: "fork",
      newAuthors: true,
    });
  });

  it("says nothing of steady work, of later commits away from training, or of code first pushed after a silence", () => {
    const steady = [
      c("2024-01-01", "a", "train.py"),
      c("2024-02-15", "a", "train.py"),
      c("2024-04-01", "a", "train.py"),
    ];
    expect(lateRewrite(steady, training)).toBeNull();
    const docs = [c("2024-01-01", "a", "train.py"), c("2024-09-01", "a", "README.md")];
    expect(lateRewrite(docs, training)).toBeNull();
    // A README made at the competition's start, the solution pushed when it ended: that push is the publication.
    const late = [
      c("2024-01-01", "a", "README.md"),
      c("2024-06-01", "a", "train.py"),
      c("2024-06-02", "a", "train.py"),
    ];
    expect(lateRewrite(late, training)).toBeNull();
  });
});
