// Whether a solution trains nothing at all: pretrained models, classical matching or served LLMs, no model fitted
// anywhere in its code. Such a README documents no training command because there is none to document.
import type { RepoView } from "../../../model/repo-view.js";

/** Code that updates a model's weights: a backward pass, an optimizer or its step, a trainer, a boosting
 * library's `train(`, Keras or scikit-learn style `.fit(` (see `fittedModel` for which `.fit(` counts). */
const TRAINS =
  /\.backward\(|\boptim(?:izer)?\.(?:step\(|[A-Z]\w*\()|\b(?:optax|GradientTape)\b|\b(?:jax\.)?(?:value_and_)?grad\(|\b(?:lgb|lightgbm|xgb|xgboost|catboost|cb)\.train\(|\btrainer\.(?:fit|train)\(|\bmodel\.train\(\s*\)|\.partial_fit\(|\.fit_generator\(/;
/** An estimator fitted at run time that learns no model to train: clustering, neighbours, scalers, encoders,
 * projections (`AgglomerativeClustering(...).fit(keypoints)` inside a matching pipeline). */
const RUNTIME_FIT =
  /Cluster|KMeans|DBSCAN|OPTICS|MeanShift|Birch|Neighbo|Scaler|Normalizer|Encoder|Vectorizer|Imputer|PCA|SVD|TSNE|UMAP|Transformer$|Binarizer|Discretizer|NMF|Mixture/i;
/** A receiver's name that says the same (`kmeans.fit(`, `scaler.fit(`, `nbrs.fit(`). */
const RUNTIME_NAME = /cluster|kmeans|dbscan|scaler|pca|svd|encoder|vectori[sz]er|imputer|neighbo|nbrs|knn|tsne|umap/i;

/** Whether the code fits a model: a training signal, or a `.fit(` on anything but a run-time estimator. Pure. */
export function codeTrains(code: string): boolean {
  if (TRAINS.test(code)) return true;
  for (const m of fitCalls(code)) {
    const before = code.slice(Math.max(0, m.index - 200), m.index + m.receiver.length);
    // `Ctor(...).fit(`: the constructor's name, the last call opened before the receiver's closing bracket.
    if (m.closing) {
      const ctor = /(\w+)\([^()]*(?:\([^()]*\)[^()]*)*$/.exec(before)?.[1];
      if (ctor !== undefined && RUNTIME_FIT.test(ctor)) continue;
      return true;
    }
    const name = m.receiver.split(".").pop() ?? "";
    if (name === "" || RUNTIME_NAME.test(name)) continue;
    // `name = Ctor(...)` anywhere in the file: the estimator it holds.
    const bound = new RegExp(`\\b${name}\\s*=\\s*(?:[\\w.]+\\.)?(\\w+)\\(`, "g");
    const ctors = [...code.matchAll(bound)].map((b) => b[1]!);
    if (ctors.length > 0 && ctors.every((c) => RUNTIME_FIT.test(c))) continue;
    return true;
  }
  return false;
}

/** Each `.fit(` with the receiver written before it (`model` of `model.fit(`, `x` and `closing` of `Ctor(x).fit(`),
 * at most `RECEIVER_MAX` characters of it: found from each `.fit(` backwards, so a long run of word characters
 * (a 1.5 MB name) costs its length once, not once per character. */
function* fitCalls(code: string): Generator<{ index: number; receiver: string; closing: boolean }> {
  for (let at = code.indexOf(".fit("); at !== -1; at = code.indexOf(".fit(", at + 5)) {
    const closing = code[at - 1] === ")";
    const end = closing ? at - 1 : at;
    let start = end;
    while (start > 0 && end - start < RECEIVER_MAX && /[\w.]/.test(code[start - 1]!)) start--;
    yield { index: start, receiver: code.slice(start, end), closing };
  }
}
const RECEIVER_MAX = 200;

/** A file named for training (`train.py`, `train_cls.py`, `01_train.ipynb`, `run_train.sh`, `finetune.py`). */
const TRAINING_NAME = /(?:^|[_\-.\d])(?:train|training|fit|finetune|fine_tune|pretrain)(?:[_\-.\d]|$)/i;

/** Whether a file's name (its extension aside) says it trains. Pure. */
export function namedForTraining(path: string): boolean {
  return TRAINING_NAME.test(path.slice(path.lastIndexOf("/") + 1).replace(/\.\w+$/, ""));
}
/** At most this many Python files and notebooks are read; a repo with more is not judged (it may train). */
const MAX_FILES = 400;

/** Code in a language this reading does not cover (R, Julia, Lua): it may train. */
const OTHER_LANGUAGE = /\.(?:r|jl|lua)$/i;

/** Whether no script, notebook or Python file of the repo (tests aside) trains or is named for training. */
export function trainsNothing(view: RepoView): boolean {
  const files = view.files().filter((f) => !f.skipped && !/(?:^|\/)tests?\//.test(f.path));
  if (files.some((f) => OTHER_LANGUAGE.test(f.path))) return false;
  const code = files.filter((f) => f.kind === "python" || f.kind === "notebook" || /\.(?:sh|bash)$/.test(f.path));
  if (code.length === 0 || code.length > MAX_FILES) return false;
  for (const f of code) {
    if (namedForTraining(f.path)) return false;
    if (f.kind !== "python" && f.kind !== "notebook") continue;
    const text = view.read(f.path);
    if (text === null || codeTrains(text)) return false;
  }
  return true;
}
