// What a SLURM launcher runs: `sbatch [options] SCRIPT [args]` runs SCRIPT as a shell script (its `#SBATCH`
// lines are comments to the shell), `sbatch --wrap="cmd"` runs cmd, `srun [options] CMD [args]` and
// `salloc [options] CMD [args]` run CMD. Options are skipped with the value each takes. Pure.
import { shellWords } from "./shell-words.js";

/** Short options that take no value (sbatch, srun and salloc alike); every other short option takes one. */
const SHORT_FLAG = /^-[HIOQsvVWhkEZlXu]+$/;
/** Long options that take no value, or only one joined by `=` (`--exclusive[=user]`); every other long option
 * takes the next word when no `=` joins its value. */
const LONG_FLAG = new Set(
  (
    "exclusive requeue no-requeue hold parsable test-only wait overcommit contiguous spread-job use-min-nodes " +
    "ignore-pbs quiet verbose help usage version get-user-env no-kill oversubscribe reboot immediate " +
    "kill-on-bad-exit unbuffered label pty no-allocate disable-status multi-prog preserve-env overlap exact " +
    "whole mpi-bind no-shell x11 nice"
  ).split(" "),
);

export interface SlurmRun {
  /** The words of the command it runs, its program first; empty when it names none (a script on stdin). */
  argv: string[];
  /** sbatch's script: a shell script whatever its name (`job.slurm`, `run`), not a program on the PATH. */
  submitted: boolean;
}

/** The command a SLURM launcher (`argv[0]`) runs; null when `argv[0]` is none. */
export function slurmRun(argv: readonly string[]): SlurmRun | null {
  const launcher = (argv[0] ?? "").replace(/^.*\//, "");
  if (launcher !== "sbatch" && launcher !== "srun" && launcher !== "salloc") return null;
  let i = 1;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      i++;
      break;
    }
    if (!word.startsWith("-") || word === "-") break;
    const wrap = /^--wrap(?:=(.*))?$/s.exec(word);
    if (wrap && launcher === "sbatch") {
      return { argv: shellWords(wrapped(argv, i, wrap[1])), submitted: false };
    }
    if (word.startsWith("--")) {
      if (!word.includes("=") && !LONG_FLAG.has(word.slice(2))) i++;
    } else if (word.length === 2 && !SHORT_FLAG.test(word)) i++;
  }
  const rest = argv.slice(i);
  return { argv: rest, submitted: launcher === "sbatch" && rest.length > 0 };
}

/** The command of `--wrap="a b"` (split into `--wrap="a` and `b"` by the word splitter, which keeps quotes whole
 * only at a word's start) or `--wrap "a b"`: its words joined up to the closing quote, quotes dropped. */
function wrapped(argv: readonly string[], at: number, joined: string | undefined): string {
  if (joined === undefined) return argv[at + 1] ?? "";
  const quote = /^["']/.exec(joined)?.[0];
  if (quote === undefined) return joined;
  const parts = [joined.slice(1)];
  for (let j = at + 1; j < argv.length && !parts[parts.length - 1]!.endsWith(quote); j++) parts.push(argv[j]!);
  return parts.join(" ").replace(new RegExp(`${quote}$`), "");
}
