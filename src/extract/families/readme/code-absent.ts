// README words that say the training (or inference) code is not in the repository: "training code is not
// included", "the inference code will be released", "we do not release the training scripts", an unchecked
// to-do naming the training. Pure.
import type { ReadmeParts } from "../../shell/readme-parse.js";

export interface CodeAbsent {
  line: number;
  purpose: "train" | "predict";
  /** The README's words, trimmed. */
  quote: string;
}

const PART = String.raw`(?:train(?:ing)?|inference|predict(?:ion)?|evaluation|testing)`;
/** "training code", "training and inference scripts", "train.py", "the training routine". */
const SUBJECT = String.raw`(?:\b${PART}(?:\s*(?:and|&|/|,)\s*${PART})?\s+(?:code|scripts?|routines?|pipeline|part)\b|\b[\w-]*(?:train|infer|predict)[\w-]*\.(?:py|ipynb|sh)\b)`;
/** What follows the subject: "is not included", "will be released", "is missing", "coming soon". */
const ABSENT_AFTER = String.raw`(?:\b(?:not|never)\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:included|provided|available|released|published|uploaded|shared|public|added|here|in\s+(?:this|the)\s+repo)|n't\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:included|provided|available|released|published|uploaded|shared|public|added|here)|\bmissing\b|\bwill\s+be\s+(?:released|published|uploaded|added|shared|made\s+(?:available|public))|\bcoming\s+soon\b|\bto\s+be\s+(?:released|added|published|uploaded)\b|\b(?:removed|omitted|excluded)\b)`;
const AFTER = new RegExp(String.raw`${SUBJECT}[^.;!?]{0,60}?${ABSENT_AFTER}`, "i");
/** "We do not release the training code", "we did not include the inference scripts". */
const BEFORE = new RegExp(
  String.raw`\b(?:do|does|did|can|could|will|have)\s*(?:not|n't)\s+(?:yet\s+)?(?:include|provide|release|publish|share|upload|open[- ]?source)d?\b[^.;!?]{0,30}?${SUBJECT}`,
  "i",
);
/** A to-do not yet done ("- [ ] training script", or a line under a "TODO" heading) that names the training. */
const UNCHECKED = /^\s*[-*+]\s*\[\s\]\s*/;
const TODO_TITLE = /^\s*to\s*-?\s*do\b/i;
const NAMES_TRAINING = /\btrain(?:ing)?\b|\btrain[\w-]*\.(?:py|ipynb|sh)\b|\binference\b|\bpredict/i;

const purposeOf = (text: string): "train" | "predict" =>
  /\btrain(?:ing)?\b|train[\w-]*\.(?:py|ipynb|sh)/i.test(text) ? "train" : "predict";

/** Lines are capped: a statement is a sentence, and no pattern here scans a long line more than once per start. */
const MAX_LINE = 2000;

export function codeAbsentStatements(parts: ReadmeParts): CodeAbsent[] {
  const todo = parts.sections
    .map((s, i) => ({ from: s.line, to: parts.sections[i + 1]?.line ?? Infinity, isTodo: TODO_TITLE.test(s.title) }))
    .filter((s) => s.isTodo);
  const out: CodeAbsent[] = [];
  for (const { line, text } of parts.prose) {
    if (text.length > MAX_LINE) continue;
    const said = AFTER.exec(text) ?? BEFORE.exec(text);
    const pending =
      (UNCHECKED.test(text) || (/^\s*[-*+]\s/.test(text) && todo.some((s) => line > s.from && line < s.to))) &&
      NAMES_TRAINING.test(text);
    if (!said && !pending) continue;
    out.push({ line, purpose: purposeOf(said ? said[0] : text), quote: text.trim().slice(0, 200) });
  }
  return out;
}
