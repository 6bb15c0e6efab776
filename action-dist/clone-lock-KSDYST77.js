import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
import{a,b}from"./chunk-KBGPHUML.js";import"./chunk-G7ME6RDP.js";import"./chunk-CR2ZQOZE.js";import"./chunk-TUJWZLN7.js";export{a as lockFileOf,b as withCloneLock};
