import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function r(){return{families:{},notCollected:{}}}function a(e,t,o){let c=e.families[t]??=[];for(let n of o)c.push(n);delete e.notCollected[t]}function i(e,t,o){t in e.families||(e.notCollected[t]=o)}export{r as a,a as b,i as c};
