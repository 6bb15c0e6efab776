import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function n(e){return Math.round((performance.now()-e)/10)/100}var r=120;export{n as a,r as b};
