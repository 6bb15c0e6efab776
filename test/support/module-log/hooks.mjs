// Module hooks that append each loaded module's URL, one a line, to the file named by MODULE_LOG.
import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, `${url}\n`);
  return nextLoad(url, context);
}
