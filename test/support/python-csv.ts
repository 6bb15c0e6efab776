// Read a CSV with Python's csv.DictReader: a real CSV parser, not the one under test.
import { execFileSync } from "node:child_process";

export function parseWithPython(csv: string): Array<Record<string, string>> {
  const script = "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: csv, encoding: "utf8" })) as Array<
    Record<string, string>
  >;
}
