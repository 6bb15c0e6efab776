import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);
function n(e){return process.env[`REPRO_AUDIT_${e.toUpperCase()}`]||e}export{n as a};
