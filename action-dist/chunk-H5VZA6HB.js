import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function o(){return{families:{},notCollected:{}}}function r(e,t,n){(e.families[t]??=[]).push(...n),delete e.notCollected[t]}function c(e,t,n){t in e.families||(e.notCollected[t]=n)}function i(e){return Math.round((performance.now()-e)/10)/100}export{o as a,r as b,c,i as d};
