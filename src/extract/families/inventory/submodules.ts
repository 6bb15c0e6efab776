// Git submodules a repo declares in `.gitmodules`, and whether its instructions fetch them: a plain `git clone`
// (or GitHub's zip download) leaves a submodule's folder empty, so code, weights or dependencies that live there
// are missing until `git clone --recursive` or `git submodule update --init` runs. Pure.

/** Words that fetch submodules: `--recursive`, `--recurse-submodules`, `git submodule update|init|foreach`. */
export const FETCHES_SUBMODULES =
  /--recurse-submodules\b|\bclone\b[^\n]*--recursive\b|\bsubmodule\s+(?:update|init|foreach|sync)\b/;
