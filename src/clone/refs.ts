// What a `--ref` may look like before any git command sees it. Pure.
import { badInput } from "../model/errors.js";

/** Refuses names git would read as options or that git's own ref rules forbid (spaces, "..", control characters). */
export function validateRefName(ref: string): void {
  const bad =
    ref === "" ||
    ref.startsWith("-") ||
    ref.includes("..") ||
    ref.includes("@{") ||
    /[\s~^:?*[\\\x00-\x1f\x7f]/.test(ref) ||
    ref.endsWith("/") ||
    ref.endsWith(".lock");
  if (bad)
    throw badInput(
      `'${ref}' is not a valid branch, tag or commit name`,
      "Pass a branch name, a tag or a commit hash to --ref",
    );
}

export const looksLikeCommit = (ref: string) => /^[0-9a-f]{4,40}$/i.test(ref);
