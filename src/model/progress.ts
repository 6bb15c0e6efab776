// What a stage reports while it works; the CLI draws it (spinners or plain lines), the library stays silent.
export interface Progress {
  start(stage: string, text: string): void;
  succeed(text: string): void;
  skip(text: string): void;
  fail(text: string): void;
  note(text: string): void;
}

export const silentProgress: Progress = { start() {}, succeed() {}, skip() {}, fail() {}, note() {} };
