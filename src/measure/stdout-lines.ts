// What one line of a training's output says about progress: an epoch label, a batch counter, words that the epoch is over (pure).

export interface ProgressLine {
  /** The epoch number printed on the line ("Epoch 3/30", "epoch: 3", "[Epoch 3]", HF's "'epoch': 3.0"). */
  epoch?: number;
  totalEpochs?: number;
  /** A batch counter: tqdm and Keras bars ("37/120 [===", "37/120 ━━"), "Step [100/600]", "batch 5/20". */
  bar?: { done: number; total: number };
  /** On an epoch line without a bar: what says the epoch is already over ("done", "loss 0.41", "7.9 s"). */
  endWords?: string[];
  /** Seconds the line says the epoch took ("done in 7.9s", "took 0:00:08"): where epoch 1 began. */
  elapsedSeconds?: number;
  /** A bar of validation, testing or a sanity check: not a training batch. */
  evaluation?: boolean;
}

const ANSI_RE = /\x1b\[[0-9;?]*[A-Za-z]/g;
const EPOCH_RE = /\bepoch\s*[:#[(]?\s*(\d+)\s*(?:(?:\/|of)\s*(\d+))?/i;
// Hugging Face Trainer logs a dict per logging step whose 'epoch' is the fraction of epochs done: 3.0 = three over.
const HF_EPOCH_RE = /['"]epoch['"]\s*:\s*(\d+(?:\.\d+)?)/;
// "37/120 [====" (tqdm, Keras 2), "37/120 ━━━━" (Keras 3), "37/120 |███" (tqdm's default bar after its percent).
const BAR_RE = /(\d+)\/(\d+)\s*(?:\[|━|\|)/;
const PERCENT_BAR_RE = /\d+%\|[^|]*\|\s*(\d+)\/(\d+)/;
const STEP_RE = /\b(?:step|batch|iter(?:ation)?)\s*[:#[(]?\s*(\d+)\s*(?:\/|of)\s*(\d+)/i;
const EVALUATION_RE =
  /\b(?:val|valid|validation|validating|sanity|test|testing|predict|predicting|eval|evaluat\w*|inference)\b/i;
const END_WORD_RE = /\b(done|finished|complete|completed|took|ended|summary|elapsed)\b/i;
const METRIC_RE =
  /\b(loss|acc|accuracy|auc|f1|score|val_\w+|mae|mse|rmse|iou|dice|map|precision|recall|perplexity|ppl)\b\s*[:=]?\s*-?\d/i;
const SECONDS_RE = /(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds|min|mins|minutes)\b/i;
const ETA_RE = /\b(?:eta|remaining|left)\b/i;
const CLOCK_RE = /\b(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?\b|\b(\d{1,2}):(\d{2})\b/;

function elapsedOf(text: string): number | undefined {
  const s = SECONDS_RE.exec(text);
  if (s) {
    const n = Number(s[1]);
    const unit = s[2]!.toLowerCase();
    return unit === "ms" ? n / 1000 : unit.startsWith("m") ? n * 60 : n;
  }
  const c = CLOCK_RE.exec(text);
  if (!c) return undefined;
  return c[1] !== undefined ? Number(c[1]) * 3600 + Number(c[2]) * 60 + Number(c[3]) : Number(c[4]) * 60 + Number(c[5]);
}

function barOf(line: string): { done: number; total: number; index: number } | null {
  const m = PERCENT_BAR_RE.exec(line) ?? BAR_RE.exec(line) ?? STEP_RE.exec(line);
  if (!m) return null;
  const done = Number(m[1]);
  const total = Number(m[2]);
  return total > 0 && done <= total ? { done, total, index: m.index } : null;
}

/** What the words after an epoch label say: the epoch is over (and how long it took), or nothing. */
function endEvidence(rest: string): Pick<ProgressLine, "endWords" | "elapsedSeconds"> {
  const words: string[] = [];
  const word = END_WORD_RE.exec(rest);
  if (word) words.push(`'${word[1]!.toLowerCase()}'`);
  const metric = METRIC_RE.exec(rest);
  if (metric) words.push(`a metric (${metric[1]!.toLowerCase()})`);
  const elapsed = ETA_RE.test(rest) ? undefined : elapsedOf(rest);
  if (elapsed !== undefined) words.push("an elapsed time");
  return {
    ...(words.length ? { endWords: words } : {}),
    ...(elapsed !== undefined && words.length ? { elapsedSeconds: elapsed } : {}),
  };
}

export function parseProgressLine(raw: string): ProgressLine {
  const line = raw.replace(ANSI_RE, "");
  const out: ProgressLine = {};
  const bar = barOf(line);
  const before = bar ? line.slice(0, bar.index) : line;
  const epoch = EPOCH_RE.exec(before);
  if (epoch) {
    out.epoch = Number(epoch[1]);
    if (epoch[2]) out.totalEpochs = Number(epoch[2]);
    if (!bar) Object.assign(out, endEvidence(line.slice(epoch.index + epoch[0].length)));
  } else if (!bar) {
    const hf = HF_EPOCH_RE.exec(line);
    const value = hf ? Number(hf[1]) : NaN;
    if (Number.isInteger(value) && value >= 1)
      Object.assign(out, { epoch: value, endWords: ["a fraction of epochs done (Hugging Face)"] });
  }
  if (bar) {
    out.bar = { done: bar.done, total: bar.total };
    if (EVALUATION_RE.test(before)) out.evaluation = true;
  }
  return out;
}

/** Whether a parsed line says anything about progress (the rest of the output is not kept). */
export function hasProgress(p: ProgressLine): boolean {
  return p.epoch !== undefined || p.bar !== undefined;
}
