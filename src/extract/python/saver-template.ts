// The path a helper writes, spelled in its parameters (`folder + 'config.json'`, `os.path.join(d, name)`,
// `f"{d}/best.pt"`), as a template a call's arguments fill in. Pure.
import type { PyArg } from "./call-args.js";
import { splitTop } from "./split-top.js";

const NAME = /^[A-Za-z_]\w*$/;
const QUOTED = /^[rRbBuU]?(["'])([^"'\\{}]*)\1$/;
const FSTRING = /^[fF][rR]?(["'])(.*)\1$/;
const JOIN = /^(?:os\.path\.join|osp\.join|path\.join|join)\((.*)\)$/s;

/** The template of a written path (`{folder}config.json`), when one of `params` spells part of it; else null.
 * Pieces the template cannot read (a call, an attribute) stand as `*`. */
export function saverTemplate(arg: PyArg | undefined, params: readonly string[]): string | null {
  if (!arg || arg.kind === "string" || arg.value.length >= 200) return null;
  const expr = arg.value.trim();
  const join = JOIN.exec(expr);
  const pieces = join ? splitTop(join[1]!, ",") : splitTop(expr, "+");
  if (pieces === null || pieces.length < 2) return null;
  let used = false;
  const parts = pieces.map((raw) => {
    const p = raw.trim();
    if (params.includes(p)) {
      used = true;
      return `{${p}}`;
    }
    const quoted = QUOTED.exec(p);
    if (quoted) return quoted[2]!;
    const f = FSTRING.exec(p);
    if (f)
      return f[2]!.replace(/\{([^{}]*)\}/g, (_, field: string) => {
        const name = field.trim();
        if (!params.includes(name)) return "*";
        used = true;
        return `{${name}}`;
      });
    return "*";
  });
  if (!used) return null;
  return join ? parts.join("/").replace(/\/{2,}/g, "/") : parts.join("");
}

/** The template with each parameter given its argument's path (`*` where unknown), unknown runs made one. */
export function fillTemplate(template: string, bound: (param: string) => string | null): string {
  return template.replace(/\{([A-Za-z_]\w*)\}/g, (_, p: string) => bound(p) ?? "*").replace(/\*{2,}/g, "*");
}
