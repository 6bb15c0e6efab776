// A notebook code cell that lists shell steps without `!` (`cd yolov5`, `python train.py --img 384`): the notebook
// documents how the solution was run, and Python cannot parse the cell. Pure.

/** A line that reads as a shell command: a program of a solution's steps and a word after it that no Python
 * statement has there (`python train.py`, `cd yolov5`; not `python = 3` or `cd(x)`). */
const SHELL_LINE =
  /^(?:\w+=\S+\s+)*(?:cd|python[23]?(?:\.\d+)?|sh|bash|pip3?|conda|git|wget|curl|unzip|tar|mkdir|cp|mv|rm|ls|export|source|chmod|nvidia-smi|kaggle|apt(?:-get)?|sudo|head|tail|cat|wc|grep|echo|touch|du|df|zip|gunzip|7z)(?:\s+(?![-+*/%&|^@<>:]?=)\S.*)?$/;

/** A run of a script or module (`python x.py`, `sh run.sh`): the steps a README would state. */
const RUN_LINE = /^(?:\S+=\S+\s+)*(?:python[23]?(?:\.\d+)?|sh|bash)\s+\S/;

export interface ShellListing {
  /** The cell's first command. */
  first: string;
  /** Its script and module runs, whitespace collapsed. */
  runs: string[];
}

/** The commands of a cell whose every line is a shell command (comments and blank lines aside, continuation
 * lines joined); null when any line reads otherwise, or the cell has no command. */
export function shellListing(cellLines: readonly string[]): ShellListing | null {
  const commands: string[] = [];
  let pending = "";
  for (const raw of cellLines) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    commands.push(`${pending}${line}`.replace(/\s+/g, " ").trim());
    pending = "";
  }
  if (pending !== "") commands.push(pending.replace(/\s+/g, " ").trim());
  if (commands.length === 0 || !commands.every((c) => SHELL_LINE.test(c))) return null;
  return { first: commands[0]!, runs: commands.filter((c) => RUN_LINE.test(c)) };
}

/** True when the README states each of the cell's runs (the same command, whitespace aside): the notebook only
 * repeats its steps. A cell with no run (only `cd`, `pip install`) is said by any README that installs or runs. */
export function readmeSaysRuns(listing: ShellListing, readmeCommands: readonly string[]): boolean {
  const said = new Set(readmeCommands.map((c) => c.replace(/\s+/g, " ").trim()));
  if (listing.runs.length === 0) return said.size > 0;
  return listing.runs.every((run) => said.has(run) || said.has(run.replace(/^python[23]?(?:\.\d+)?\s/, "python ")));
}
