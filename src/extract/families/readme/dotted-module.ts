// A script a README names in a module's dotted form ("use `pkg.make_folds.py`"): the file pkg/make_folds.py. Pure.

/** Dotted words, at least two, then `.py`: a module path written with the file's extension. */
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\.py$/;

/** The file a dotted name stands for (`pkg/make_folds.py` for `pkg.make_folds.py`), or null for any other name. */
export function dottedModuleFile(name: string): string | null {
  return DOTTED.test(name) ? `${name.slice(0, -".py".length).replace(/\./g, "/")}.py` : null;
}
