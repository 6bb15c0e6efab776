// When the checked-out commit was made (committer date, ISO 8601): the moment a lock resolves as of.
import { safeGit } from "./git.js";

export async function commitDate(root: string, commit: string): Promise<string | null> {
  try {
    const text = (await safeGit(root).raw(["show", "-s", "--format=%cI", commit])).trim();
    return Number.isNaN(Date.parse(text)) ? null : new Date(text).toISOString();
  } catch {
    return null;
  }
}
