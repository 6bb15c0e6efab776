import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function e(r){return r.trim().toLowerCase().replace(/[-_.]+/g,"-")}export{e as a};
