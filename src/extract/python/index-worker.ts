// Helper thread of the index pool (index-pool.ts): index batches of Python texts (lexer, then
// tree-sitter's verdicts where needed) and post the compact indexes back. Runs from the compiled JS.
import { parentPort } from "node:worker_threads";
import type { Parser } from "web-tree-sitter";
import { indexBatch, type IndexBatch, type IndexResult } from "./index-pool.js";
import { pythonParser } from "./tree-sitter.js";

let parser: Promise<Parser> | null = null;
const loadParser = () => (parser ??= pythonParser());
// Batches are answered in arrival order: each waits for the one before it.
let queue: Promise<void> = Promise.resolve();
parentPort!.on("message", (batch: IndexBatch) => {
  queue = queue.then(async () => {
    let result: IndexResult;
    try {
      result = { seq: batch.seq, files: await indexBatch(batch, loadParser) };
    } catch (error) {
      result = { seq: batch.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(result);
  });
});
