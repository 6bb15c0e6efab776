// Sentences of a README or doc that say the data is not provided ("The competition data is not included",
// "the images cannot be shared", "contact the organisers for the dataset"). Beside no link or download step,
// such a sentence is the repo saying a rerun cannot get its data. Weights alone have their own rules. Pure.

export interface WithheldNote {
  line: number;
  /** The sentence's words from the data it names to the words that withhold it, as written (trimmed). */
  said: string;
}

/** What a sentence may withhold: the data, a data set, images, the competition's files. */
const DATA =
  /\b(?:(?:original|raw|full|competition|challenge|training|test|private)\s+)*(?:data(?:\s*sets?)?|images?|videos?|audio|recordings?|annotations?|csv\s+files?|(?:train(?:ing)?|test|validation)\s+(?:set|files?|split))\b/i;
/** A word that makes the data word a modifier: "data augmentation", "the images folder" are not the data. */
const MODIFIED =
  /^[\s-]*(?:augmentation|(?:pre-?)?processing|loaders?|loading|pipelines?|generat\w+|cleaning|splitting|code|scripts?|preparation|analysis|exploration|modules?|class(?:es)?|formats?|paths?|folders?|director(?:y|ies)|dirs?|structure|layout|ids?|urls?|links?)\b/i;
/** Words for weights or models: a sentence whose first such noun comes before any data word is about them. */
const WEIGHTS = /\b(?:weights?|checkpoints?|models?|pretrained|pre-trained)\b/i;
/** The words that say it is not provided (the subject comes before them). */
const WITHHELD = new RegExp(
  [
    String.raw`\b(?:is|are|was|were|be|been)\s+not\s+(?:\w+\s+)?(?:included|distributed|redistributed|provided|shared|released|publicly\s+available|available\s+(?:publicly|to\s+the\s+public|for\s+download))\b`,
    String.raw`\b(?:isn't|aren't|wasn't|weren't)\s+(?:\w+\s+)?(?:included|distributed|redistributed|provided|shared|released|publicly\s+available)\b`,
    String.raw`\b(?:cannot|can\s*not|can't|could\s+not|couldn't|may\s+not|must\s+not)\s+(?:be\s+)?(?:publicly\s+)?(?:shared|distributed|redistributed|released|provided|included|published|made\s+public)\b`,
    String.raw`\bnot\s+(?:publicly|openly)\s+available\b`,
    String.raw`\bno\s+longer\s+(?:publicly\s+)?(?:available|accessible|online|hosted|downloadable)\b`,
    String.raw`\b(?:has|have|was|were)\s+(?:since\s+)?(?:been\s+)?(?:removed|taken\s+down|deleted)\s+from\s+(?:kaggle|github|public|(?:the|this)\s+(?:internet|web|website|site|platform|host|server|repo(?:sitory)?|competition(?:\s+(?:page|site|website))?))\b`,
  ].join("|"),
  "i",
);
/** "Contact the organisers for the data", "please contact us to request access to the dataset". */
const CONTACT =
  /\b(?:contact|e-?mail|write\s+to)\b.{0,80}?\b(?:for|to\s+(?:get|obtain|request|access))\s+(?:access\s+to\s+)?(?:the\s+|our\s+|this\s+)?(?:\w+\s+)?(?:data(?:\s*sets?)?|images)\b/i;

/** The sentences of `text` that withhold its data, one per line at most. A sentence may wrap over the lines of
 * its paragraph; code blocks are not prose. */
export function withheldNotes(text: string): WithheldNote[] {
  const out: WithheldNote[] = [];
  for (const para of paragraphs(text)) {
    let at = 0;
    for (const sentence of para.text.split(/(?<=[.;!?])\s+/)) {
      const start = para.text.indexOf(sentence, at);
      at = start + sentence.length;
      const said = sentence.length > 2000 ? null : withheldIn(sentence);
      if (said === null) continue;
      const line = para.line + (para.text.slice(0, start).match(/\n/g)?.length ?? 0);
      if (!out.some((n) => n.line === line)) out.push({ line, said });
    }
  }
  return out;
}

/** Runs of prose lines outside code fences, with their first line (1-based); a list item or heading starts a run. */
function paragraphs(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let fence = false;
  let run: { line: number; lines: string[] } | null = null;
  const close = () => {
    if (run) out.push({ line: run.line, text: run.lines.join("\n") });
    run = null;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      fence = !fence;
      close();
      return;
    }
    if (fence || raw.trim() === "" || raw.length > 4000) return close();
    if (/^\s*(?:[-*+>#|]|\d+[.)])/.test(raw)) close();
    if (run) run.lines.push(raw);
    else run = { line: i + 1, lines: [raw] };
  });
  close();
  return out;
}

function withheldIn(sentence: string): string | null {
  const contact = CONTACT.exec(sentence);
  if (contact) return clip(contact[0]);
  const verb = WITHHELD.exec(sentence);
  if (!verb) return null;
  // The data word is the subject: before the verb, in the same clause, ahead of any weights word.
  const clause = sentence
    .slice(0, verb.index)
    .split(/[,:(]|\b(?:but|while|whereas|although)\b/i)
    .pop()!;
  const data = DATA.exec(clause);
  if (!data || MODIFIED.test(clause.slice(data.index + data[0].length))) return null;
  const weights = WEIGHTS.exec(clause);
  if (weights && weights.index < data.index) return null;
  return clip(clause.slice(data.index) + verb[0]);
}

function clip(words: string): string {
  const flat = words.replace(/[`*_]/g, "").replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}
