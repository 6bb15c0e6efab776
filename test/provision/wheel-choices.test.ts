// Which wheel URLs an image installed, read back from the file its wheel steps wrote.
import { describe, expect, it } from "vitest";
import { substitutedWheelNotes } from "../../src/provision/wheel-choices.js";

const lock = {
  specFile: "requirements.txt",
  python: { version: "3.9", source: "default" },
  asOf: null,
  pins: [],
  wheels: [
    {
      name: "torch",
      url: "https://download.pytorch.org/whl/cu113/torch-1.10.0%2Bcu113-cp39-cp39-linux_x86_64.whl",
      version: "1.10.0",
    },
    { name: "six", url: "https://files.example.org/six-1.12.0-py2.py3-none-any.whl", version: "1.12.0" },
  ],
};

describe("substitutedWheelNotes", () => {
  it("names each URL whose index version was installed in its place, and only those", () => {
    const written = `torch==1.10.0\nsix @ ${lock.wheels[1]!.url}\n`;
    expect(substitutedWheelNotes(lock, written)).toEqual([
      `Build: the wheel URL ${lock.wheels[0]!.url} did not answer; torch==1.10.0 was installed from the index in its place.`,
    ]);
    expect(substitutedWheelNotes(lock, "")).toEqual([]);
  });
});
