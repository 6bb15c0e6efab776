// The source stage's public face: open a URL or folder as a Checkout.
export { openSource, type Checkout, type SourceOptions } from "./source.js";
