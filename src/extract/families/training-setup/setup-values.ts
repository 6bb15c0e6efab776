// Training-setup facts read from a named value (assignment, keyword, argparse default, config key).
import type { PyArg } from "../../python/call-args.js";
import { architectureFamily } from "./architecture-names.js";
import { sizesOf, type SetupFields } from "./setup-calls.js";
import type { SetupKind } from "../../python/setup-hints.js";
import { countInRange } from "../../../model/count-ranges.js";

const TRUE = /^(?:true|1|yes|on|16|16-mixed|bf16|bf16-mixed|fp16|mixed|o1|o2|o3|amp)$/i;
const FALSE = /^(?:false|0|no|off|none|32|32-true|64|fp32|o0)$/i;

/** Mixed precision or not, from a switch's value as written; null when it cannot be told. */
function precisionOf(value: string): "mixed" | "fp32" | null {
  const v = value.trim().replace(/^["']|["']$/g, "");
  if (TRUE.test(v)) return "mixed";
  if (FALSE.test(v)) return "fp32";
  return null;
}

/** Frozen layers or not, from the value of a freeze option or a requires_grad / trainable assignment. */
function frozenOf(name: string, arg: PyArg): boolean | null {
  const last = name
    .slice(name.lastIndexOf(".") + 1)
    .replace(/^-+/, "")
    .toLowerCase();
  const v = arg.value.trim();
  const truthy = /^(?:true|1)$/i.test(v) ? true : /^(?:false|0|none)$/i.test(v) ? false : null;
  if (last === "requires_grad" || last === "trainable") return truthy === null ? null : !truthy;
  if (arg.kind === "number") return Number(v) > 0;
  if (arg.kind === "list") return [...v.matchAll(/\d+/g)].some((m) => Number(m[0]) > 0);
  return truthy;
}

/** The records a named value gives: `via` says how it was read, `name` what it was called. */
export function setupFromValue(kind: SetupKind, arg: PyArg, via: string, name: string): SetupFields[] {
  switch (kind) {
    case "architecture": {
      const names = arg.kind === "string" ? [arg.value] : arg.kind === "list" ? (arg.items ?? []) : [];
      return names.flatMap((n) => {
        const family = architectureFamily(n);
        return family ? [{ kind: "architecture", value: n, family, library: null, wrapper: null, via, name }] : [];
      });
    }
    case "input-size":
    case "input-height":
    case "input-width": {
      const sides = sizesOf(arg).filter((s) => countInRange("image-size", s));
      const axis = kind === "input-height" ? "height" : kind === "input-width" ? "width" : null;
      if (axis) return sides.slice(0, 1).map((value) => ({ kind: "input-size", value, axis, via, name }));
      if (sides.length === 2)
        return [
          { kind: "input-size", value: sides[0]!, axis: "height", via, name },
          { kind: "input-size", value: sides[1]!, axis: "width", via, name },
        ];
      return sides.slice(0, 1).map((value) => ({ kind: "input-size", value, axis: "both", via, name }));
    }
    case "images": {
      const n = arg.kind === "number" || arg.kind === "string" ? Number(arg.value.replace(/_/g, "")) : NaN;
      // A count outside its range is not believed (model/count-ranges.ts); 1 is too few to be a dataset's size.
      return n >= 2 && countInRange("images", n) ? [{ kind: "images", value: n, via, name }] : [];
    }
    case "precision": {
      const precision = precisionOf(arg.value);
      return precision ? [{ kind: "precision", value: arg.value.slice(0, 40), precision, via, name }] : [];
    }
    case "frozen": {
      const frozen = frozenOf(name, arg);
      return frozen === null ? [] : [{ kind: "frozen", value: arg.value.slice(0, 40), frozen, via, name }];
    }
  }
}
