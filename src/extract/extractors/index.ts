// The static extractors in the order they run: each may read the families of those before it.
import type { Extractor } from "../extractor.js";

export const STATIC_EXTRACTORS: readonly Extractor[] = [];
