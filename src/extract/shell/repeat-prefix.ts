// A README line that says how many times to run its command (`5x python train.py --config cfg_1`,
// `- 3 × bash train.sh`): the count and the command. Pure.

/** An optional list marker or prompt, then a count of runs and `x` (or `X`, `×`), then the command. */
const REPEAT = /^\s*(?:(?:\d+[.)]|[-*+]|\$)\s+)?(\d{1,3})\s*[xX×]\s+(?=\S)/;
/** More than this is no count of reruns a reader would type by hand. */
const MAX_TIMES = 100;

export function repeatPrefix(line: string): { times: number; rest: string } | null {
  const m = REPEAT.exec(line);
  const times = m ? Number(m[1]) : 0;
  return m && times >= 2 && times <= MAX_TIMES ? { times, rest: line.slice(m[0].length) } : null;
}
