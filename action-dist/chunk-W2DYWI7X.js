import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function r(n,e){return n.families[e]??[]}export{r as a};
