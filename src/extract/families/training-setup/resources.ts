// What a README's prose states about the resources a training needs: how many GPUs ("4x A100", "8 GPUs", "a single
// V100"), a GPU's memory ("V100 32GB", "24 GB of GPU memory"), the GPU model alone ("GPU: Tesla T4"), and the run
// time ("takes 12 hours", "about 3 days"). Code blocks are commands, not statements, except a spec sheet's
// "GPU: ... x2" lines. Pure.

export interface ResourceStatement {
  line: number;
  /** gpu-count | gpu-memory | gpu-model | run-time */
  resource: string;
  /** The words that state it, as written. */
  value: string;
}

/** A GPU model's name; its count may follow it unspaced ("H100x8"). */
const MODEL = String.raw`(?:(?:NVIDIA|Nvidia|nvidia)\s+)?(?:(?:Tesla|GeForce|Quadro)\s+)?(?:A100|A10G?|A30|A40|A[456]000|H100|H200|L40S?|L4|P100|P40|T4|V100|K80|RTX\s?A?\d{4}(?:\s?Ti)?|GTX\s?\d{3,4}(?:\s?Ti)?|TITAN\s?(?:RTX|Xp|X|V)|TPU(?:\s?v\d)?)(?:\b|(?=[x×]\d))`;
const COUNT_WORD = String.raw`(?:\d{1,3}|one|two|three|four|five|six|eight|sixteen|single|a|an)`;
const PATTERNS: ReadonlyArray<{ resource: string; re: RegExp }> = [
  {
    resource: "gpu-count",
    // A training on the CPU states it needs no GPU.
    re: new RegExp(
      String.raw`\b${COUNT_WORD}\s?(?:[x×*]\s?)?(?:${MODEL}|(?:NVIDIA\s+)?GPUs?\b)|${MODEL}\s?[x×*]\s?\d{1,3}\b|\bon (?:the |a )?CPUs?\b|\bCPU[- ]only\b`,
      "gi",
    ),
  },
  {
    resource: "gpu-memory",
    re: new RegExp(
      String.raw`${MODEL}\s?\(?\d{1,3}\s?GB?\b|\b\d{1,3}\s?GB?\s+(?:of\s+)?(?:GPU|VRAM|video|graphics)(?:\s+(?:memory|RAM))?|\b(?:GPU|VRAM|video)\s+(?:memory|RAM)\s+(?:of\s+)?\d{1,3}\s?GB?\b`,
      "gi",
    ),
  },
  {
    resource: "run-time",
    re: /(?<![\w.])\d+(?:\.\d+)?(?:\s?[-–~]\s?\d+(?:\.\d+)?)?\s?(?:hours?|hrs?|h|days?|minutes?|mins?)\b/gi,
  },
];
const MODEL_ALONE = new RegExp(MODEL, "g");

/** The resource statements of a README's prose, line by line, fenced code left out. */
export function readmeResources(text: string): ResourceStatement[] {
  const out: ResourceStatement[] = [];
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    // Fenced lines are commands, except a spec sheet's "GPU: GeForce RTX 2080 x2" (a label, a colon, a value).
    const specLine = /^\s*[A-Za-z][\w ()/-]{0,30}:\s+\S/.test(line);
    if ((fenced && !specLine) || line.length > 2000 || /^\s*(?:```|~~~)/.test(line)) return;
    const prose = line.replace(/`[^`]*`|https?:\/\/\S+/g, (m) => " ".repeat(m.length));
    const found: ResourceStatement[] = [];
    for (const p of PATTERNS)
      for (const m of prose.matchAll(p.re)) found.push({ line: i + 1, resource: p.resource, value: m[0].trim() });
    // A model named with its count or memory is stated already; alone ("GPU: Tesla T4"), it says which GPU.
    if (!found.some((f) => f.resource !== "run-time"))
      for (const m of prose.matchAll(MODEL_ALONE)) found.push({ line: i + 1, resource: "gpu-model", value: m[0] });
    out.push(...found);
  });
  return out;
}
