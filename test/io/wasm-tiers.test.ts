import { describe, expect, it } from "vitest";
import { OPTIMIZED_WASM_BYTES, wasmTiersFor } from "../../src/io/wasm-tiers.js";

describe("wasmTiersFor", () => {
  it("keeps a small repo's grammar on the baseline compiler, and tiers up a large one's", () => {
    expect(wasmTiersFor(0)).toBe("baseline");
    expect(wasmTiersFor(150_000)).toBe("baseline");
    expect(wasmTiersFor(OPTIMIZED_WASM_BYTES - 1)).toBe("baseline");
    expect(wasmTiersFor(OPTIMIZED_WASM_BYTES)).toBe("tiered");
    expect(wasmTiersFor(40_000_000)).toBe("tiered");
  });
});
