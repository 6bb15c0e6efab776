// What of a run's output may reach the report: the last part of what it printed, capped, without control characters.

/** Bytes of output kept in memory, whatever the program prints (50 MB/s floods included). */
const OUTPUT_KEEP = 256 * 1024;

// ESC sequences (CSI colours and cursor moves, OSC titles and links), then C0/C1 controls and bidirectional overrides,
// which can make a quoted line read differently from what it holds.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]/g;
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Carriage returns become line ends (bar refreshes), every other control character goes. */
function scrubControl(text: string): string {
  return text.replace(ESCAPES, "").replace(/\r\n?/g, "\n").replace(CONTROLS, "");
}

/** Keeps the last OUTPUT_KEEP characters of everything pushed, and how much was dropped before them. */
export class OutputTail {
  private kept = "";
  dropped = 0;

  push(text: string): void {
    this.kept += text;
    if (this.kept.length > 2 * OUTPUT_KEEP) {
      this.dropped += this.kept.length - OUTPUT_KEEP;
      this.kept = this.kept.slice(-OUTPUT_KEEP);
    }
  }

  /** The kept output, scrubbed. */
  text(): string {
    return scrubControl(this.kept.slice(-OUTPUT_KEEP));
  }
}
