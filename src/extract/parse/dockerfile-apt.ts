// The apt sources a Dockerfile adds that break `apt-get update` or the base (pure): NVIDIA's CUDA repository key
// 7fa2af80, rotated in April 2022, and an Ubuntu package repository added to a Debian base.
import { instructions } from "./dockerfile.js";
import { distroOf } from "./distro-release.js";

export interface AptProblem {
  kind: "apt-key-revoked" | "apt-repo-foreign";
  line: number;
  image: string;
  /** What the line adds, as written (the key's URL or id, the repository). */
  written: string;
}

/** NVIDIA's old CUDA and machine-learning repository key, by its short or long id or its file name. */
const REVOKED_KEY = /7fa2af80/i;
/** What replaces it: the new key (3bf863cc) or the cuda-keyring package that installs it. */
const CURRENT_KEY = /3bf863cc|cuda-keyring/i;
const APT_UPDATE = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
/** An Ubuntu package repository, one word: Ubuntu's archive, a Launchpad PPA, or a vendor's tree for an Ubuntu release. */
const UBUNTU_REPO = [
  /^https?:\/\/[^/\s]*\b(?:archive|security|ports)\.ubuntu\.com/,
  /^ppa:[\w.-]+\/[\w.-]+$/,
  /^https?:\/\/ppa\.launchpad(?:content)?\.net\//,
  /^https?:\/\/[^\s]*?\/repos\/ubuntu\d{4}\b/,
];
/** The words of a line (quotes and the shell's separators split them): each pattern above runs on one word, anchored,
 * so no pattern rescans a long run of characters from every position. */
const wordsOf = (text: string) => text.split(/[\s"'<>|;&()]+/).filter(Boolean);

/** Each stage's revoked CUDA key (when a later or the same RUN updates apt and nothing adds the current key) and
 * its first Ubuntu repository on a Debian base. */
export function aptSourceProblems(text: string): AptProblem[] {
  const out: AptProblem[] = [];
  let image = "";
  let stage: { key: AptProblem | null; current: boolean; updated: boolean; foreign: boolean } | null = null;
  const close = () => {
    if (stage?.key && stage.updated && !stage.current) out.push(stage.key);
  };
  for (const { text: instruction, line, physical } of instructions(text)) {
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(instruction);
    if (from) {
      close();
      image = from[1]!;
      stage = { key: null, current: false, updated: false, foreign: false };
      continue;
    }
    if (!stage || !/^RUN\s/i.test(instruction)) continue;
    const at = (word: string) =>
      line +
      Math.max(
        physical.findIndex((l) => l.includes(word)),
        0,
      );
    const words = wordsOf(instruction);
    const key = words.find((w) => REVOKED_KEY.test(w));
    if (key && !stage.key) stage.key = { kind: "apt-key-revoked", line: at(key), image, written: key };
    if (CURRENT_KEY.test(instruction)) stage.current = true;
    if (stage.key && APT_UPDATE.test(instruction)) stage.updated = true;
    const repo = distroOf(image) === "debian" ? words.find((w) => UBUNTU_REPO.some((re) => re.test(w))) : undefined;
    if (repo && !stage.foreign) {
      stage.foreign = true;
      out.push({ kind: "apt-repo-foreign", line: at(repo), image, written: repo });
    }
  }
  close();
  return out.sort((a, b) => a.line - b.line);
}
