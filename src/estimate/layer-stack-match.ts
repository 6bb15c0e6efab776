// A network the code writes out layer by layer (pure): its own count of forward multiply-accumulates stands in for a
// row of the FLOPs table, scaled with the input's pixels as a convolutional network's cost is.
import type { FactRecord } from "../model/facts.js";
import type { ArchitectureMatch } from "./flops-table.js";

/** The match of a `layer-stack` architecture record, or null for any other record. */
export function layerStackMatch(r: FactRecord): ArchitectureMatch | null {
  if (r.via !== "layer-stack" || typeof r.macs !== "number" || r.macs <= 0) return null;
  const height = Number(r.height);
  const width = Number(r.width);
  if (!(height > 0 && width > 0)) return null;
  const resolution: [number, number] = [height, width];
  const key = `${String(r.library ?? "layers")}/${String(r.file)}`;
  return {
    key,
    via: "name",
    resolution,
    row: {
      library: String(r.library ?? "layers"),
      name: key,
      family: String(r.family ?? "cnn"),
      params: 0,
      resolution,
      macs: r.macs,
      second: { resolution, macs: r.macs },
      scaling: { kind: "pixels", fixed: 0, perPixel: r.macs / (height * width) },
      countedFrom: `the layers written out at ${String(r.file)}:${String(r.line)} (convolutions and dense layers summed, multiply-accumulates)`,
    },
  };
}
