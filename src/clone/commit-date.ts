// When the checked-out commit was made (committer date, ISO 8601): the moment a lock resolves as of.
import { gitText } from "./git-run.js";

export async function commitDate(root: string, commit: string): Promise<string | null> {
  try {
    const text = (await gitText(root, ["show", "-s", "--format=%cI", commit])).trim();
    return Number.isNaN(Date.parse(text)) ? null : new Date(text).toISOString();
  } catch {
    return null;
  }
}
