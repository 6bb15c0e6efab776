// A command's stdout and stderr as in-memory streams, with what it wrote collected as text.
import { PassThrough } from "node:stream";

export function captureIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: "", err: "" };
  stdout.on("data", (c) => (text.out += String(c)));
  stderr.on("data", (c) => (text.err += String(c)));
  return {
    io: { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream },
    text,
  };
}
