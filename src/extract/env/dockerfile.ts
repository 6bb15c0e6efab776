// Read a Dockerfile: the Python and CUDA its FROM names, and packages its `pip install` lines install.
import type { FactRecord } from "../../model/facts.js";
import { cudaFromImage, pythonRecord } from "./records.js";
import { parseRequirementsText } from "./requirements.js";

/** Logical instructions (continuations joined) with their first line. */
function instructions(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buffer = "";
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!buffer) start = i + 1;
    if (!buffer && raw.trim().startsWith("#")) return;
    if (raw.trimEnd().endsWith("\\")) {
      buffer += raw.trimEnd().slice(0, -1) + " ";
      return;
    }
    buffer += raw;
    if (buffer.trim()) out.push({ text: buffer.trim(), line: start });
    buffer = "";
  });
  return out;
}

export function parseDockerfileText(file: string, text: string): FactRecord[] {
  const records: FactRecord[] = [];
  for (const { text: instruction, line } of instructions(text)) {
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i.exec(instruction);
    if (from) {
      const image = from[1]!;
      const python = /^(?:[\w.-]+\/)*python:(\d+(?:\.\d+){0,2})/.exec(image);
      if (python) records.push(pythonRecord(file, line, python[1]!));
      const cuda = cudaFromImage(file, line, image);
      if (cuda) records.push(cuda);
      continue;
    }
    if (!/^RUN\s/i.test(instruction)) continue;
    for (const command of instruction.slice(4).split(/&&|;|\|\|/)) {
      const pip = /\bpip3?\s+install\s+(.*)$/.exec(command.trim());
      if (!pip) continue;
      // Each argument as one requirements line: packages, index URLs; -r files are spec files of their own.
      const args = pip[1]!.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
      const lines: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!.replace(/^["']|["']$/g, "");
        if (/^(-i|--index-url|--extra-index-url|-f|--find-links)$/.test(arg) && args[i + 1]) lines.push(`${arg} ${args[++i]}`);
        else if (/^(-r|-c|--requirement|--constraint|-e|--editable|-t|--target|--prefix|--root)$/.test(arg)) i++;
        else if (!arg.startsWith("-") && !arg.startsWith(".") && !arg.startsWith("/") && !arg.startsWith("$")) lines.push(arg);
        else if (/^--(index-url|extra-index-url|find-links)=/.test(arg)) lines.push(arg);
      }
      for (const record of parseRequirementsText(file, lines.join("\n")).records) records.push({ ...record, line });
    }
  }
  return records;
}

export function isDockerfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /^Dockerfile(\.[\w.-]+)?$/i.test(name) || /\.Dockerfile$/i.test(name) || /^Containerfile$/i.test(name);
}
