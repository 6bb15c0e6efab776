// The engine's reading of a Dockerfile: continuations joined with nothing, the escape directive, the word lexer.
import { describe, expect, it } from "vitest";
import { dockerfileInstructions, escapeDirective, lexWord } from "../../src/provision/dockerfile-parse.js";

const read = (text: string) => dockerfileInstructions(text).map((i) => [i.keyword, i.args, i.line]);

describe("dockerfileInstructions", () => {
  it("joins a continuation with nothing, keeping the next line's leading blanks", () => {
    expect(read("FROM a\nADD http:/\\\n/169.254.169.254/x /x\nRUN echo \\\n  two\n")).toEqual([
      ["FROM", "a", 1],
      ["ADD", "http://169.254.169.254/x /x", 2],
      ["RUN", "echo   two", 4],
    ]);
  });

  it("drops comment and blank lines inside a continuation, and blanks after the continuation character", () => {
    expect(read("ADD http:/\\  \r\n# note\n\n/h/x /x\r\n")).toEqual([["ADD", "http://h/x /x", 1]]);
  });

  it("honours the escape directive only at the top, with a byte-order mark before it", () => {
    expect(escapeDirective("\uFEFF# escape=`\nFROM a\n")).toBe("`");
    expect(escapeDirective("# syntax=x\n#escape = `\nFROM a\n")).toBe("`");
    expect(escapeDirective("FROM a\n# escape=`\n")).toBe("\\");
    expect(read("# escape=`\nADD http:/`\n/h/x C:\\dst\n")).toEqual([["ADD", "http://h/x C:\\dst", 2]]);
  });
});

describe("lexWord", () => {
  it("removes quotes and applies escapes as the engine's lexer does", () => {
    expect(lexWord('"http://h/x"')).toBe("http://h/x");
    expect(lexWord("'http'://h")).toBe("http://h");
    expect(lexWord("h\\ttp://h")).toBe("http://h");
    expect(lexWord("h`ttp://h", "`")).toBe("http://h");
    expect(lexWord("plain/path.txt")).toBe("plain/path.txt");
  });

  it("cannot know a word with a variable or an unterminated quote", () => {
    expect(lexWord("$URL")).toBeNull();
    expect(lexWord('"http://h')).toBeNull();
    expect(lexWord("'$URL'")).toBe("$URL");
  });
});
