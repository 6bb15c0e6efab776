// Steps a README states in prose rather than in a code block: numbered or bulleted lines that hold a
// command ("4. python main.py --fold 0") and worded steps ("go to efficientdet/D5 and run the run.sh
// file"). Pure: the README's text in, the steps as written out.

export interface ProseStep {
  line: number;
  /** The command as a shell would run it (`bash run.sh` for "run the run.sh file"). */
  command: string;
  /** The folder the sentence moves to first ("go to X and run ..."), as written; null when none. */
  folder: string | null;
  /** The file it names. */
  script: string;
}

const FENCE = /^\s*(?:`{3,}|~{3,})/;
/** A command at the start of a numbered or bulleted line: the runner, the script, then option-like words. */
const LISTED =
  /^\s*(?:\d+[.)]|[-*+]|step\s+\d+\s*[:.)-])\s+(?:run\s*:?\s*)?`?((?:python[\d.]*|bash|sh)\s+([\w./-]+\.(?:py|sh))(?:\s+(?:-{1,2}[\w.-]+(?:[= ](?!-)[^\s,;`]+)?|[\w./-]+\.(?:ya?ml|json|cfg|py)))*)/i;
/** "go to X and run the Y file", "cd X and run Y". */
const GO_AND_RUN =
  /\b(?:go|navigate|move|switch|cd)\s+(?:in)?(?:to\s+)?(?:the\s+)?`?((?:\.{1,2}\/)?[\w-]+(?:\/[\w.-]+)*)\/?`?\s+(?:folder\s+|directory\s+|dir\s+)?(?:and|then|,)\s+(?:then\s+)?(?:run|execute|launch|start)\s+(?:the\s+)?`?([\w./-]+\.(?:py|sh|ipynb))`?/i;
/** "run the train.sh file", "execute `train.py`". */
const RUN_NAMED =
  /\b(?:run|execute|launch)(?:\s*:)?\s+(?:the\s+)?(?:script\s+|file\s+|notebook\s+)?`?([\w./-]+\.(?:py|sh|ipynb))`?(?:\s+(?:file|script|notebook))?/i;

/** The prose lines of a README (outside fenced blocks) that state a step. */
export function proseSteps(text: string): ProseStep[] {
  const out: ProseStep[] = [];
  let fenced = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (FENCE.test(raw)) {
      fenced = !fenced;
      return;
    }
    // Indented code and very long lines are not sentences.
    if (fenced || raw.length > 1000 || /^(?: {4}|\t)/.test(raw)) return;
    const listed = LISTED.exec(raw);
    if (listed) {
      out.push({ line: i + 1, command: listed[1]!.trim(), folder: null, script: listed[2]! });
      return;
    }
    const go = GO_AND_RUN.exec(raw);
    if (go) {
      out.push({ line: i + 1, command: runnerFor(go[2]!), folder: go[1]!, script: go[2]! });
      return;
    }
    const named = RUN_NAMED.exec(raw);
    if (named && !/(?:^|\/)(?:setup|__init__)\.py$/.test(named[1]!))
      out.push({ line: i + 1, command: runnerFor(named[1]!), folder: null, script: named[1]! });
  });
  return out;
}

function runnerFor(script: string): string {
  if (script.endsWith(".sh")) return `bash ${script}`;
  if (script.endsWith(".ipynb")) return `jupyter nbconvert --to notebook --execute ${script}`;
  return `python ${script}`;
}
