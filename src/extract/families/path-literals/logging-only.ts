// A config key the code reads only to hand an experiment tracker (`wandb.save(f"{config['code_dir']}/*")`,
// `wandb.init(dir=cfg.log_dir)`): where the run's logs and code copies go, no input a rerun needs. Pure.

const TRACKER = /\bwandb\.(?:save|init)\(/;

/** Whether every line of the texts that reads `key` (`x["key"]`, `x.get("key")`, `x.key`) hands it to wandb,
 * and some line does. */
export function readOnlyForLogging(key: string, texts: Iterable<string>): boolean {
  if (!/^[A-Za-z_]\w*$/.test(key)) return false;
  const reads = new RegExp(`\\[\\s*['"]${key}['"]\\s*\\]|\\.get\\(\\s*['"]${key}['"]|\\.${key}\\b`);
  let any = false;
  for (const text of texts)
    for (const line of text.split("\n")) {
      if (!line.includes(key) || !reads.test(line) || /^\s*#/.test(line)) continue;
      if (!TRACKER.test(line)) return false;
      any = true;
    }
  return any;
}
