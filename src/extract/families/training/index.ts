// Fact family `training`: hints of how big training is (epochs, folds, seeds, models, image and batch size).
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { configValues, scannableConfig } from "../../python/config-lines.js";
import { boundedHint, configArg, hintKind, hintValues, notACount } from "../../python/hints.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";
import { cliOption } from "../../python/cli-option.js";
import type { PyArg } from "../../python/call-args.js";

const FOLD_SPLITTERS =
  /(?:^|\.)(?:Stratified|Group|StratifiedGroup|MultilabelStratified|Repeated|RepeatedStratified)?KFold$/;
const MODEL_FACTORIES = /(?:^|\.)create_model$/;
/** Layers whose `input_size` counts features per step or per sample, never an image's side. */
const FEATURE_LAYERS = /(?:^|\.)(?:LSTM|GRU|RNN|LSTMCell|GRUCell|RNNCell|Linear|LazyLinear|Bilinear)$/;

export const extractor: Extractor = {
  id: "training",
  reads: [],
  roles: ["python", "notebook", "config", "conda"],
  async extract(ctx) {
    const records: FactRecord[] = [];
    const files = (await preparePythonIndex(ctx.view)).files;
    const batchNames = batchKeywordNames(files);
    for (const file of files) {
      for (const a of file.assigns) {
        // A running total (`num_seeds = 0` ... `num_seeds += 1`) counts as it goes: no setting of the training.
        if (a.rebound) continue;
        const kind = hintKind(a.target);
        if (kind)
          for (const value of hintValues(kind, a.value).filter((v) => !notACount(a.target, v))) {
            const hint = boundedHint(kind, value);
            // `batchsize = 10000000` fed to `WordBatch(minibatch_size=batchsize // 80)` is some library's
            // document batch: a batch size is judged only where it reaches a call as its batch size.
            if (hint.kind === "out-of-range" && kind === "batch-size" && !batchNames.has(lastName(a.target))) continue;
            records.push(recordAt(file, a.line, { ...hint, source: "assignment", name: a.target }));
          }
      }
      for (const k of file.kwargs) {
        const kind = hintKind(k.arg.name!);
        if (kind && !(kind === "image-size" && FEATURE_LAYERS.test(k.callee)))
          for (const value of hintValues(kind, k.arg).filter((v) => !notACount(k.arg.name!, v)))
            records.push(
              recordAt(file, k.line, {
                ...boundedHint(kind, value),
                source: "call-argument",
                name: `${k.callee}(${k.arg.name})`,
              }),
            );
      }
      for (const call of file.calls) {
        const opt = cliOption(call);
        const first = call.args.find((a) => a.name === null);
        if (opt) {
          const kind = hintKind(opt.option, true);
          const def = call.args.find((a) => a.name === "default");
          if (kind && def)
            for (const value of hintValues(kind, def).filter((v) => !notACount(opt.option, v)))
              records.push(
                recordAt(file, call.line, {
                  ...boundedHint(kind, value),
                  source: "argparse-default",
                  name: opt.option,
                }),
              );
        } else if (FOLD_SPLITTERS.test(call.callee) && first?.kind === "number") {
          records.push(
            recordAt(file, call.line, {
              ...boundedHint("folds", Number(first.value)),
              source: "call-argument",
              name: `${call.callee}(n_splits)`,
            }),
          );
        } else if (MODEL_FACTORIES.test(call.callee) && first?.kind === "string") {
          records.push(
            recordAt(file, call.line, {
              kind: "models",
              value: first.value,
              source: "call-argument",
              name: call.callee,
            }),
          );
        }
      }
    }
    for (const entry of ctx.view.files()) {
      if (entry.kind !== "config" || entry.skipped || !scannableConfig(entry.path, entry.size)) continue;
      const text = ctx.view.read(entry.path);
      if (text === null) continue;
      for (const v of configValues(text)) {
        const kind = v.key ? hintKind(v.key, true) : null;
        if (kind)
          for (const value of hintValues(kind, configArg(v.value)).filter((x) => !notACount(v.key!, x)))
            records.push({
              file: entry.path,
              line: v.line,
              ...boundedHint(kind, value),
              source: "config",
              name: v.key,
            });
      }
    }
    return records;
  },
};

const lastName = (dotted: string) => dotted.slice(dotted.lastIndexOf(".") + 1);

/** Last names of the values passed bare as a batch-size keyword anywhere (`DataLoader(ds, batch_size=BS)`,
 * `model.fit(x, y, batch_size=cfg.bs)`): the names a training's batch size is read from. */
function batchKeywordNames(files: ReadonlyArray<{ kwargs: ReadonlyArray<{ arg: PyArg }> }>): Set<string> {
  const names = new Set<string>();
  for (const file of files)
    for (const k of file.kwargs)
      if (k.arg.name && hintKind(k.arg.name) === "batch-size" && /^[A-Za-z_][\w.]*$/.test(k.arg.value))
        names.add(lastName(k.arg.value));
  return names;
}
