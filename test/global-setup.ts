// Runs once before the suites: nothing to share yet beyond a clean, colourless environment.
export default function setup(): void {
  process.env.NO_COLOR = "1";
}
