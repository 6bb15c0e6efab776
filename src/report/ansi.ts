// A tiny ANSI colour helper: every style is the identity when colour is off, so callers never branch.

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

function style(open: number, close: number): (text: string) => string {
  return (text) => (text === "" ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

const ON: Paint = {
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  yellow: style(33, 39),
  green: style(32, 39),
  cyan: style(36, 39),
};

const identity = (text: string): string => text;
const OFF: Paint = { bold: identity, dim: identity, red: identity, yellow: identity, green: identity, cyan: identity };

export function paint(enabled: boolean): Paint {
  return enabled ? ON : OFF;
}
