// A file the code writes in one mode and reads in another through the same expression (`open(cfg.std_path, "wb")`
// when training, `open(cfg.std_path, "rb")` otherwise): whatever path the config gives, the training run makes it.
// Only attribute and key chains count (`cfg.std_path`, `config["std_path"]`): a bare local name means one thing
// per function. Pure.
import type { PyArg, PyCall } from "../../python/call-args.js";

/** An attribute or key chain: `cfg.std_path`, `self.cfg.out`, `config["std_path"]`. */
const CHAIN = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\s*["'][\w.-]+["']\s*\])+$/;

/** The expression an argument gives as a path, spaces and quote style set aside, where it is a chain; else null. */
export function chainOf(arg: PyArg | undefined): string | null {
  if (arg === undefined || arg.kind === "string" || arg.kind === "name") return null;
  const text = arg.value.replace(/\s+/g, "").replace(/'/g, '"');
  return CHAIN.test(text) ? text : null;
}

/** Each chain a call of the repo opens for writing (`open(x, "w")`, `open(x, mode="wb")`), with its first place
 * ("ds.py:5"). */
export function writtenChains(files: ReadonlyArray<{ path: string; calls: readonly PyCall[] }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files)
    for (const call of file.calls) {
      const last = call.callee.slice(call.callee.lastIndexOf(".") + 1);
      if (last !== "open" && last !== "File") continue;
      const positional = call.args.filter((a) => a.name === null);
      const mode = call.args.find((a) => a.name === "mode") ?? positional[1];
      if (!mode || mode.kind !== "string" || !/[wax]/.test(mode.value)) continue;
      const chain = chainOf(positional[0]);
      if (chain !== null && !out.has(chain)) out.set(chain, `${file.path}:${call.line}`);
    }
  return out;
}
