// Test code: files under a tests/ folder, and test_*.py / *_test.py / conftest.py that use a test
// framework. Their paths and data are fixtures, not the pipeline's.
import type { PyFileIndex } from "./file-index.js";

const TEST_FOLDER = /(?:^|\/)(?:tests|unittests|testing)\//;
const TEST_NAME = /(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$/;
const FRAMEWORKS = new Set(["pytest", "unittest", "nose", "hypothesis"]);

export function isTestFile(file: Pick<PyFileIndex, "path" | "imports">): boolean {
  if (TEST_FOLDER.test(file.path)) return true;
  return TEST_NAME.test(file.path) && file.imports.some((i) => FRAMEWORKS.has(i.module.split(".")[0]!));
}
