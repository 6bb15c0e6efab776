// Intermediate artefacts: files a pipeline makes for itself (folds, out-of-fold and pseudo labels, features,
// predictions, embeddings, caches, pickled objects and numpy arrays), which no competition download holds. A
// folder the README fills with downloaded data does not document one; the README naming it does. Pure.

/** Formats Python saves its own objects and arrays in. */
const OWN_FORMAT = /\.(?:pkl|pickle|pklz|joblib|npy|npz)$/i;
/** Words a pipeline names its own outputs with (`train_folds.csv`, `oof_lgb.csv`, `pseudo_fold1.json`). */
const OWN_WORD =
  /(?:^|[^a-z])(?:k?folds?|oofs?|pseudo\w*|feats?|features?|preds?|predictions?|embeddings?|embs?|cached?)(?:[^a-z]|$)/i;

export function isIntermediate(path: string): boolean {
  const base = path.replace(/\\/g, "/").replace(/\/+$/, "");
  const name = base.slice(base.lastIndexOf("/") + 1);
  return /\.\w{1,8}$/.test(name) && (OWN_FORMAT.test(name) || OWN_WORD.test(name.replace(/\.\w+$/, "")));
}

/** Does the README text (lower case) name the file, by its base name? A name with unknown parts is not named. */
export function namedIn(text: string, path: string): boolean {
  const base = path
    .replace(/\\/g, "/")
    .slice(path.lastIndexOf("/") + 1)
    .toLowerCase();
  return base.length > 0 && !base.includes("*") && text.includes(base);
}
