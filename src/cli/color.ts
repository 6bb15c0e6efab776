// Whether the terminal report is coloured: --color always|never|auto, then FORCE_COLOR, then NO_COLOR
// (https://no-color.org: set and not empty), then whether stdout is a terminal. Pure.

export const COLOR_SETTINGS = ["always", "never", "auto"] as const;
export type ColorSetting = (typeof COLOR_SETTINGS)[number];

export function useColor(
  setting: ColorSetting,
  env: Readonly<Record<string, string | undefined>>,
  isTty: boolean,
): boolean {
  if (setting !== "auto") return setting === "always";
  // FORCE_COLOR wins over NO_COLOR, as in Node itself; 0 and false turn colour off.
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTty;
}
