// The estimate's interval: each guessed input moved alone to its low and its high end, its effect on the
// total taken as a ratio, and the ratios of independent inputs combined in log space (root of the sum of
// squares), so every guessed input widens the interval and none is counted at its extreme twice. Pure.

export interface Cost {
  seconds: number;
  joules: number;
}

/** One guessed input: the cost with it at its low end and at its high end, the others at their centre. */
export interface Swing {
  low: Cost;
  high: Cost;
}

function combine(central: number, values: number[], direction: "low" | "high"): number {
  if (central <= 0) return central;
  let sum = 0;
  for (const v of values) {
    const logRatio = Math.log(Math.max(v, Number.MIN_VALUE) / central);
    if ((direction === "low" && logRatio < 0) || (direction === "high" && logRatio > 0)) sum += logRatio * logRatio;
  }
  const spread = Math.sqrt(sum);
  return central * Math.exp(direction === "low" ? -spread : spread);
}

/** Low and high cost around `central` given each input's swing. */
export function costInterval(central: Cost, swings: readonly Swing[]): { low: Cost; high: Cost } {
  const ends = (k: keyof Cost) => swings.flatMap((s) => [s.low[k], s.high[k]]);
  return {
    low: {
      seconds: combine(central.seconds, ends("seconds"), "low"),
      joules: combine(central.joules, ends("joules"), "low"),
    },
    high: {
      seconds: combine(central.seconds, ends("seconds"), "high"),
      joules: combine(central.joules, ends("joules"), "high"),
    },
  };
}
