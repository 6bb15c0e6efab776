// A build's output: bounded capture, the legacy builder's steps, and the scrub to package lines.
import { describe, expect, it } from "vitest";
import { LogCapture, legacySteps, packageLines } from "../../src/provision/build-log.js";

describe("LogCapture", () => {
  it("keeps head and tail within their sizes whatever is pushed, and counts it all", () => {
    const capture = new LogCapture(10, 20);
    for (let i = 0; i < 10_000; i++) capture.push(`line ${i}\n`);
    const text = capture.text();
    expect(capture.total).toBe(Array.from({ length: 10_000 }, (_, i) => `line ${i}\n`).join("").length);
    expect(text.startsWith("line 0\nlin")).toBe(true);
    expect(text.endsWith("line 9999\n")).toBe(true);
    expect(text).toMatch(/\[\.\.\. \d+ bytes of build output not kept \.\.\.\]/);
    expect(text.length).toBeLessThan(120);
  });
});

describe("legacySteps", () => {
  it("lists step containers and the layers this build made, not cache hits nor FROM's base", () => {
    const log = [
      "Step 1/4 : FROM base",
      " ---> aaaaaaaaaaaa",
      "Step 2/4 : ENV A=1",
      " ---> Using cache",
      " ---> bbbbbbbbbbbb",
      "Step 3/4 : RUN make",
      " ---> Running in cccccccccccc",
      "Removing intermediate container cccccccccccc",
      " ---> dddddddddddd",
      "Step 4/4 : RUN false",
      " ---> Running in eeeeeeeeeeee",
    ].join("\n");
    expect(legacySteps(log)).toEqual({ containers: ["cccccccccccc", "eeeeeeeeeeee"], created: ["dddddddddddd"] });
  });
});

describe("packageLines", () => {
  it("keeps what pip and the engine said about packages, drops everything else the build printed", () => {
    const log = [
      "Step 2/3 : RUN pip install six==99",
      " ---> Running in 0123456789ab",
      "root:x:0:0:root:/root:/bin/bash",
      "Collecting six==99",
      "AKIA-SECRET-FROM-SOMEWHERE",
      "ERROR: No matching distribution found for six==99",
      "The command '/bin/sh -c pip install six==99' returned a non-zero code: 1",
    ].join("\n");
    expect(packageLines(log)).toBe(
      [
        "Step 2/3 : RUN pip install six==99",
        "Collecting six==99",
        "ERROR: No matching distribution found for six==99",
        "The command '/bin/sh -c pip install six==99' returned a non-zero code: 1",
      ].join("\n"),
    );
  });
});
