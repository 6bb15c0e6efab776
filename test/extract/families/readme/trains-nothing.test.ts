// Which code fits a model: the training signals, and a `.fit(` only where the estimator learns a model.
import { describe, expect, it } from "vitest";
import { codeTrains } from "../../../../src/extract/families/readme/trains-nothing.js";

describe("readme: code that trains", () => {
  it("sees a backward pass, an optimizer, a trainer, a boosting library's train and a model's fit", () => {
    for (const code of [
      "loss.backward()\n",
      "accelerator.backward(loss)\n",
      "opt = torch.optim.AdamW(params)\n",
      "optimizer.step()\n",
      "trainer.train()\n",
      "booster = lgb.train(params, ds)\n",
      "model.fit(x, y)\n",
      "clf = RandomForestClassifier()\nclf.fit(x, y)\n",
      "Ridge(alpha=1).fit(x, y)\n",
    ])
      expect([code, codeTrains(code)]).toEqual([code, true]);
  });

  it("does not count estimators fitted at run time: clustering, neighbours, scalers, projections", () => {
    for (const code of [
      "clustering = AgglomerativeClustering(n_clusters=None, linkage='ward')\nclustering.fit(keypoints)\n",
      "labels = DBSCAN(eps=0.5, min_samples=foo(2)).fit(points).labels_\n",
      "kmeans.fit(x)\n",
      "scaler = StandardScaler()\nscaler.fit(x)\n",
      "nbrs = NearestNeighbors(n_neighbors=3).fit(emb)\n",
      "model = torch.hub.load('org/repo', 'net')\nmodel.eval()\n",
    ])
      expect([code, codeTrains(code)]).toEqual([code, false]);
  });
});
