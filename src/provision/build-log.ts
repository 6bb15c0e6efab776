// A build's output: captured with a ceiling (head and tail kept), read for the legacy builder's steps, and
// scrubbed to what it said about packages before any of it goes into a report. Pure apart from the capture.
import { BUILD_LIMITS } from "./limits.js";

/** Keeps the first and last bytes of a stream, counting all of it; memory stays bounded whatever is printed. */
export class LogCapture {
  private head = "";
  private tail = "";
  total = 0;
  constructor(
    private readonly headBytes: number = BUILD_LIMITS.keptHeadBytes,
    private readonly tailBytes: number = BUILD_LIMITS.keptTailBytes,
  ) {}

  push(chunk: string): void {
    this.total += Buffer.byteLength(chunk);
    if (this.head.length < this.headBytes) {
      const room = this.headBytes - this.head.length;
      this.head += chunk.slice(0, room);
      chunk = chunk.slice(room);
    }
    if (chunk) {
      this.tail += chunk;
      if (this.tail.length > this.tailBytes * 2) this.tail = this.tail.slice(-this.tailBytes);
    }
  }

  text(): string {
    const tail = this.tail.slice(-this.tailBytes);
    const dropped = this.total - Buffer.byteLength(this.head) - Buffer.byteLength(tail);
    return dropped > 0
      ? `${this.head}\n[... ${dropped} bytes of build output not kept ...]\n${tail}`
      : this.head + tail;
  }
}

/** What the legacy builder's output says about the containers and images it made. */
export interface LegacySteps {
  /** Step containers ("---> Running in <id>"), in order. */
  containers: string[];
  /** Images this build committed (not cache hits, not the base images of FROM steps). */
  created: string[];
}

/** Reads the legacy builder's output line by line (it may be far larger than what is kept of it). */
export class StepTracker implements LegacySteps {
  containers: string[] = [];
  created: string[] = [];
  private fromStep = false;
  private cached = false;
  private partial = "";

  /** Feed raw output; complete lines are read. */
  push(chunk: string): void {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop()!.slice(-4096);
    for (const line of lines) this.line(line);
  }

  line(line: string): void {
    const step = /^Step \d+\/\d+ : (\S+)/.exec(line);
    if (step) {
      this.fromStep = step[1]!.toUpperCase() === "FROM";
      this.cached = false;
      return;
    }
    const running = /^ ---> Running in ([0-9a-f]{12,64})\s*$/.exec(line);
    if (running) this.containers.push(running[1]!);
    else if (/^ ---> Using cache\s*$/.test(line)) this.cached = true;
    else {
      const image = /^ ---> ([0-9a-f]{12,64})\s*$/.exec(line);
      if (image && !this.fromStep && !this.cached) this.created.push(image[1]!);
    }
  }

  /** The container of the step running now, if any. */
  current(): string | null {
    return this.containers[this.containers.length - 1] ?? null;
  }
}

export function legacySteps(log: string): LegacySteps {
  const tracker = new StepTracker();
  tracker.push(`${log}\n`);
  return { containers: tracker.containers, created: tracker.created };
}

/** Lines a report may quote: the engine's step lines and what pip, conda/micromamba and apt say about
 * packages. Anything else the build printed (a file it fetched, a secret it echoed) stays out. */
const PACKAGE_LINE = new RegExp(
  [
    "^Step \\d+/\\d+ : ",
    "^The command .* returned a non-zero code: \\d+",
    "^Error response from daemon: ",
    "^(Collecting|Downloading|Using cached|Obtaining|Processing|Requirement already satisfied|Installing collected packages|Successfully (installed|built|tagged|uninstalled)|Building wheels? for|Created wheel for|Failed (to build|building wheel)|Running setup\\.py|Preparing metadata|Getting requirements|Installing build dependencies|Attempting uninstall|Found existing installation|Uninstalling|Looking in indexes)\\b",
    "^(ERROR|WARNING|error|note|hint):",
    "^\\s*(×|╰─>|ERROR:|error:)",
    "^(The conflict is caused by|The user requested|Cannot install|ResolutionImpossible|Could not (find|fetch|build|install))",
    "^(Get:\\d+|Setting up |Unpacking |Selecting previously unselected|E: |Reading package lists|Building dependency tree)",
    "^(Transaction|Linking |  \\+ |  - |warning  libmamba|error    libmamba|critical libmamba|nothing provides|PackagesNotFoundError|Encountered problems)",
  ].join("|"),
);
const MAX_LINE = 300;

/** Pure: the build output reduced to its package lines, each at most 300 characters. */
export function packageLines(log: string): string {
  return log
    .split(/\r?\n/)
    .map((line) => line.replace(/\r/g, ""))
    .filter((line) => PACKAGE_LINE.test(line))
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}...` : line))
    .join("\n");
}
