// `repro-audit init [folder] [--force] [--stdout]`: write the commented .repro-audit.yml template, never over
// an existing file unless asked, never through a link.
import { lstatSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CONFIG_FILE } from "../config/config.js";
import { CONFIG_TEMPLATE } from "../config/template.js";
import { badInput } from "../model/errors.js";

export function initCommand(
  options: { dir?: string; force: boolean; stdout: boolean },
  write: (text: string) => void,
): void {
  if (options.stdout) return write(CONFIG_TEMPLATE);
  const dir = resolve(options.dir ?? ".");
  let isDir = false;
  try {
    isDir = lstatSync(dir).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw badInput(`${dir} is not a folder`, "Run repro-audit init in your repo, or pass its folder");
  const target = join(dir, CONFIG_FILE);
  const existing = (() => {
    try {
      return lstatSync(target);
    } catch {
      return null;
    }
  })();
  if (existing?.isSymbolicLink() || (existing && !existing.isFile()))
    throw badInput(
      `${target} exists and is not a regular file`,
      "Remove it first, or pass --stdout to print the template",
    );
  if (existing && !options.force)
    throw badInput(`${target} already exists`, "Pass --force to overwrite it, or --stdout to print the template");
  // "wx" refuses a file that appeared since the check; with --force the regular file is replaced.
  writeFileSync(target, CONFIG_TEMPLATE, { flag: options.force ? "w" : "wx" });
  write(`wrote ${target}\n`);
}
