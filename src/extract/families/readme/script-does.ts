// Whether a Python script's own code fits a model, for a README step whose name and words say nothing
// (`python main.py` under "Run"). Pure.

/** Calls that fit a model: scikit-learn style `.fit(`, boosting libraries' `train(`, a backward pass, a trainer. */
const FITS =
  /\.fit(?:_generator)?\(|\b(?:lgb|lightgbm|xgb|xgboost|catboost|cb)\.train\(|\.backward\(\s*\)|\btrainer\.(?:fit|train)\(|\bmodel\.train\(\s*\)/;

export function fitsModel(code: string): boolean {
  return FITS.test(code);
}
