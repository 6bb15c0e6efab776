// How V8 compiles the parser's WASM grammar: a small repo's few parses run on the baseline compiler's code, so
// the audit never waits for the optimizing compiler's background jobs (on busy cores, most of a small audit's idle).
import { setFlagsFromString } from "node:v8";

/** Python and notebooks of this many bytes or more parse long enough for the optimizing compiler to pay. */
export const OPTIMIZED_WASM_BYTES = 2_000_000;

/** The compile a repo's grammar gets, by the bytes of Python and notebooks it will parse. Pure. */
export function wasmTiersFor(pythonBytes: number): "baseline" | "tiered" {
  return pythonBytes < OPTIMIZED_WASM_BYTES ? "baseline" : "tiered";
}

let baselineSet = false;

/** From now on this process compiles WASM with the baseline compiler alone (V8's flags are the process's: set
 * before the grammar's first compile, which is cached for the process's later audits). */
export function compileWasmBaselineOnly(): void {
  if (baselineSet) return;
  baselineSet = true;
  setFlagsFromString("--liftoff-only");
}
