// Read workflow commands back from a step's stdout, undoing GitHub's escapes, as the runner does.
export interface Command {
  level: string;
  properties: Record<string, string>;
  message: string;
  raw: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) =>
  s.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");

/** Every line the runner would take as a command (`::name props::message`, leading spaces allowed). */
export function commandsIn(stdout: string): Command[] {
  const commands: Command[] = [];
  for (const raw of stdout.split("\n")) {
    const match = /^\s*::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(raw);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const at = pair.indexOf("=");
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    commands.push({ level: match[1]!, properties, message: unescapeData(match[3]!), raw });
  }
  return commands;
}
