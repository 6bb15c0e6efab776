import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
import{a,b}from"./chunk-KMNJX53P.js";import"./chunk-67EFGQNH.js";import"./chunk-MSLBSD3T.js";import"./chunk-TUJWZLN7.js";export{a as transitiveImports,b as withInstalledBy};
