// Passed to node with --import: records the URL of every module the process loads (see hooks.mjs).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
