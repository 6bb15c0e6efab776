import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
import{a as e,b as t}from"./chunk-6H4JGM6C.js";import"./chunk-ZKRDWEZ5.js";import"./chunk-MSLBSD3T.js";import"./chunk-TCCM3TRL.js";import"./chunk-W2DYWI7X.js";import"./chunk-CR2ZQOZE.js";import"./chunk-TUJWZLN7.js";export{e as findEngine,t as runBuildStage};
