// Where the package's own files (rules/, schemas/, data/, package.json) are, from src/ or from dist/src/.
import { fileURLToPath } from "node:url";

function packageRoot(): string {
  const here = fileURLToPath(import.meta.url);
  return here.includes("/dist/") ? here.slice(0, here.lastIndexOf("/dist/")) : here.slice(0, here.lastIndexOf("/src/"));
}

export const PACKAGE_ROOT = packageRoot();
