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
const REVOKED_KEY = /\S*(?:F60F4B3D)?7fa2af80\S*/i;
/** What replaces it: the new key (3bf863cc) or the cuda-keyring package that installs it. */
const CURRENT_KEY = /3bf863cc|cuda-keyring/i;
const APT_UPDATE = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
/** An Ubuntu package repository: Ubuntu's archive, a Launchpad PPA, or a vendor's repository for an Ubuntu release. */
const UBUNTU_REPO =
  /\b(?:https?:\/\/\S*(?:archive|security|ports)\.ubuntu\.com\S*|ppa:[\w.-]+\/[\w.-]+|https?:\/\/ppa\.launchpad(?:content)?\.net\S*|https?:\/\/\S+\/repos\/ubuntu\d{4}\S*)/;

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
    const at = (re: RegExp) =>
      line +
      Math.max(
        physical.findIndex((l) => re.test(l)),
        0,
      );
    const key = REVOKED_KEY.exec(instruction);
    if (key && !stage.key) stage.key = { kind: "apt-key-revoked", line: at(REVOKED_KEY), image, written: key[0] };
    if (CURRENT_KEY.test(instruction)) stage.current = true;
    if (stage.key && APT_UPDATE.test(instruction)) stage.updated = true;
    const repo = UBUNTU_REPO.exec(instruction);
    if (repo && !stage.foreign && distroOf(image) === "debian") {
      stage.foreign = true;
      out.push({ kind: "apt-repo-foreign", line: at(UBUNTU_REPO), image, written: repo[0] });
    }
  }
  close();
  return out.sort((a, b) => a.line - b.line);
}
