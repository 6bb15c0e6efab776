#!/usr/bin/env node
// The installed bin: turns on Node's compile cache where this Node has one (22.1 and later), then loads the CLI,
// so the cache covers every module the CLI loads after it.
import module from "node:module";

// @types/node for Node 20 does not declare it; on Node 20 it is absent and this does nothing.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./main.js");
