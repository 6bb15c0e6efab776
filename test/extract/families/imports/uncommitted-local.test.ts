// The stem a copied or sys.path folder stands for, which ties it to the module the code imports.
import { describe, expect, it } from "vitest";
import { stemOf } from "../../../../src/extract/families/imports/uncommitted-local.js";

describe("stemOf", () => {
  it("drops a lib prefix or suffix, a .py and the folders above", () => {
    expect(stemOf("firelib")).toBe("fire");
    expect(stemOf("/app/fire_lib/")).toBe("fire");
    expect(stemOf("lib_fire")).toBe("fire");
    expect(stemOf("src/fire.py")).toBe("fire");
    expect(stemOf("library")).toBe("library");
  });
});
