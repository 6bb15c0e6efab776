// js-yaml, loaded on first use: most static audits parse no YAML at all (the shipped rules are built with the
// package), so a start-up does not pay for the parser.
import { createRequire } from "node:module";
import type jsYaml from "js-yaml";

let loaded: typeof jsYaml | undefined;

/** The js-yaml module (its CommonJS build, loaded synchronously the first time it is asked for). */
export function yamlParser(): typeof jsYaml {
  return (loaded ??= createRequire(import.meta.url)("js-yaml") as typeof jsYaml);
}
