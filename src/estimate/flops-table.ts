// The counted forward cost of each architecture (data/model-flops.json, made by scripts/make-flops-table.py),
// scaled to the input size a training uses, and the lookup of a name as code spells it (pure given the table).
import { readDataJson } from "../io/package.js";

export type Scaling =
  { kind: "pixels"; fixed: number; perPixel: number } | { kind: "tokens"; linear: number; quadratic: number };

export interface FlopsRow {
  library: string;
  name: string;
  family: string;
  params: number;
  /** [height, width] the count was made at: the input size of the library's default pretrained weights. */
  resolution: [number, number];
  /** Forward multiply-accumulates of one image at `resolution`. */
  macs: number;
  second: { resolution: [number, number]; macs: number };
  scaling: Scaling;
  /** Other names of the same architecture (timm's older names, hub ids) -> their reference resolution. */
  aliases?: Record<string, [number, number]>;
  tagResolutions?: Record<string, [number, number]>;
  encoder?: string;
  /** Set when the count is no row of the table but the code's own layers, summed by the audit: where they were read. */
  countedFrom?: string;
}

export interface FlopsTable {
  unit: string;
  counter: string;
  libraries: Record<string, string | null>;
  generated: string;
  models: Record<string, FlopsRow>;
}

export function flopsTable(): FlopsTable {
  return readDataJson<FlopsTable>("model-flops.json");
}

/** Forward MACs of one image of height x width: the row's two-point scaling law (see the script's doc). */
export function macsAt(row: FlopsRow, [height, width]: readonly [number, number]): number {
  const s = row.scaling;
  if (s.kind === "pixels") return s.fixed + s.perPixel * height * width;
  const r = (height * width) / (row.resolution[0] * row.resolution[1]);
  return s.linear * r + s.quadratic * r * r;
}

export interface ArchitectureMatch {
  key: string;
  row: FlopsRow;
  /** The name's own reference resolution (an alias or tag may differ from the row's). */
  resolution: [number, number];
  /** How the name was found: the row itself, an alias, a synonym of another library's spelling. */
  via: "name" | "alias" | "synonym";
}

/** Spellings of other libraries for the same architecture (pretrainedmodels, efficientnet_pytorch, smp). */
const SYNONYMS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:timm-)?efficientnet-b(\d)$/, "tf_efficientnet_b$1"],
  [/^se_resnext(50|101)_32x4d$/, "legacy_seresnext$1_32x4d"],
  [/^se_resnet(50|152)$/, "legacy_seresnet$1"],
  [/^senet154$/, "legacy_senet154"],
  [/^xception$/, "legacy_xception"],
  [/^inceptionv4$/, "inception_v4"],
  [/^inceptionv3$/, "inception_v3"],
  [/^inceptionresnetv2$/, "inception_resnet_v2"],
  [/^resnext101_32x8d_wsl$/, "resnext101_32x8d"],
  [/^tu-(.+)$/, "$1"],
];

const LIBRARY_PREFIX: Record<string, string> = {
  timm: "timm",
  torchvision: "torchvision",
  segmentation_models_pytorch: "smp",
  ultralytics: "ultralytics",
  effdet: "effdet",
  efficientnet_pytorch: "timm",
  transformers: "timm",
};
const SEARCH_ORDER = ["timm", "torchvision", "ultralytics", "effdet", "smp"];

function normalise(raw: string): { name: string; tag: string | null } {
  const s = raw.trim().toLowerCase();
  const hub = /^[\w.-]+\/[\w.-]+$/.test(s) && !/\.(?:pt|pth|ya?ml)$/.test(s);
  const base = (hub ? s : s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\")) + 1)).replace(
    /\.(?:pt|pth|bin|ckpt|ya?ml|h5)$/,
    "",
  );
  if (hub) return { name: base, tag: null };
  const dot = base.indexOf(".");
  return dot > 0 ? { name: base.slice(0, dot), tag: base.slice(dot + 1) } : { name: base, tag: null };
}

/** An alias index, built once per table. */
const aliasIndex = new WeakMap<FlopsTable, Map<string, { key: string; resolution: [number, number] }>>();
function aliases(table: FlopsTable): Map<string, { key: string; resolution: [number, number] }> {
  let index = aliasIndex.get(table);
  if (!index) {
    index = new Map();
    for (const [key, row] of Object.entries(table.models))
      for (const [alias, resolution] of Object.entries(row.aliases ?? {}))
        if (!index.has(alias.toLowerCase())) index.set(alias.toLowerCase(), { key, resolution });
    aliasIndex.set(table, index);
  }
  return index;
}

/** The table's row for an architecture name as code spells it; `library` (where the code says) is tried
 * first, then timm, torchvision, ultralytics, effdet. A segmentation model is looked up as "Unet/encoder". */
export function matchArchitecture(
  table: FlopsTable,
  raw: string,
  hint: { library?: string | null; wrapper?: string | null } = {},
): ArchitectureMatch | null {
  const { name, tag } = normalise(raw);
  const found = (key: string, via: ArchitectureMatch["via"]): ArchitectureMatch | null => {
    const row = table.models[key];
    if (!row) return null;
    return { key, row, via, resolution: (tag && row.tagResolutions?.[tag]) || row.resolution };
  };
  if (hint.wrapper) {
    const smp = found(`smp/${hint.wrapper}/${name}`, "name");
    if (smp) return smp;
  }
  const first = hint.library ? LIBRARY_PREFIX[hint.library] : undefined;
  const prefixes = first ? [first, ...SEARCH_ORDER.filter((p) => p !== first)] : SEARCH_ORDER;
  const spellings = [name, ...SYNONYMS.filter(([re]) => re.test(name)).map(([re, to]) => name.replace(re, to))];
  for (const [i, spelling] of spellings.entries()) {
    for (const prefix of prefixes) {
      const hit = found(`${prefix}/${spelling}`, i === 0 ? "name" : "synonym");
      if (hit) return hit;
    }
    const alias = aliases(table).get(spelling);
    if (alias) {
      const row = table.models[alias.key]!;
      return { key: alias.key, row, via: "alias", resolution: alias.resolution };
    }
  }
  return null;
}

/** Rows of one family, for a name the table does not hold but whose family it knows. */
export function familyRows(table: FlopsTable, family: string): Array<{ key: string; row: FlopsRow }> {
  return Object.entries(table.models)
    .filter(([, row]) => row.family === family)
    .map(([key, row]) => ({ key, row }));
}
