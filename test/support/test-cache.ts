// Where the suites keep what is slow to make (Python environments): REPRO_AUDIT_TEST_CACHE, else the repo's
// ignored .cache/tests, never the user's home, so CI can keep it between runs and a developer can delete it.
import { join } from "node:path";

export const TEST_CACHE =
  process.env.REPRO_AUDIT_TEST_CACHE || join(import.meta.dirname, "..", "..", ".cache", "tests");
