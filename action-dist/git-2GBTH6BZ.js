import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
import{a,b,c,d}from"./chunk-IRZ7BG5E.js";import"./chunk-TUJWZLN7.js";export{a as gitEnv,d as runGitGroup,b as safeArgs,c as safeGit};
