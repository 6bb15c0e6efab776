import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-6KGECB5U.js";import"./chunk-G7ME6RDP.js";import"./chunk-CR2ZQOZE.js";import"./chunk-TUJWZLN7.js";export{d as cacheDirFor,a as classifyInput,c as defaultCacheRoot,e as githubWebUrl,b as redactUrl};
