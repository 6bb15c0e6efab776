// A read under a folder a command-line option names (`os.path.join(args.tokenizer_dir, 'vocab.pkl')`) with the
// option left at its default by every documented command: the rerun reads under the default folder. Pure.
import type { PyCall } from "../../python/call-args.js";
import { cliOption } from "../../python/cli-option.js";

/** The string defaults of a file's argparse options by the attribute they set (`--tokenizer_dir` ->
 * tokenizer_dir), with the line; only options that `passed` says no documented command gives. */
export function optionDefaults(
  calls: readonly PyCall[],
  passed: (option: string) => boolean,
): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>();
  for (const call of calls) {
    const option = cliOption(call);
    if (option?.framework !== "argparse" || !option.option.startsWith("--")) continue;
    const value = call.args.find((a) => a.name === "default");
    if (value?.kind !== "string" || value.value.trim() === "" || value.value.includes("{")) continue;
    const dest = call.args.find((a) => a.name === "dest" && a.kind === "string")?.value;
    const attr = dest ?? option.option.slice(2).replace(/-/g, "_");
    if (!/^[A-Za-z_]\w*$/.test(attr) || passed(option.option)) continue;
    out.set(attr, { value: value.value, line: call.line });
  }
  return out;
}

/** Does any of the texts pass the option (`--tokenizer_dir x`, `--tokenizer-dir=x`, either spelling)? */
export function passesOption(texts: readonly string[], option: string): boolean {
  const name = option
    .replace(/^-+/, "")
    .split(/[-_]/)
    .map((w) => w.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[-_]");
  const re = new RegExp(`--${name}(?![\\w-])`);
  return texts.some((t) => re.test(t));
}
