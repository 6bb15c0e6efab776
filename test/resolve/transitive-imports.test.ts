// Imports a spec's resolution holds only as a dependency of its lines, read from uv's `# via` notes.
import { expect, it } from "vitest";
import { readAnnotatedPins } from "../../src/resolve/lock.js";
import { transitiveImports, withInstalledBy } from "../../src/resolve/transitive-imports.js";

const pins = readAnnotatedPins(
  [
    "monai==1.2.0             # via -r -",
    "numpy==1.26.4            # via monai, torch",
    "opencv-python==4.8.0.76  # via -r -",
    "timm==0.9.2              # via -r -",
    "torch==2.1.0             # via monai, timm",
  ].join("\n"),
);
const site = (file: string, module: string, distribution: string, extra: Record<string, unknown> = {}) => ({
  kind: "import",
  file,
  line: 2,
  module,
  origin: "third-party",
  distribution,
  declared: false,
  optional: false,
  ...extra,
});

it("names each undeclared import the closure brings in, once, at a .py file before a notebook", () => {
  const records = transitiveImports("requirements.txt", pins, [
    site("notebooks/eda.ipynb", "torch", "torch", { cell: 3, cellLine: 1 }),
    site("src/models/net.py", "torch.nn", "torch"),
    site("train.py", "torch", "torch"),
    site("train.py", "numpy", "numpy"),
  ]);
  expect(records.map((r) => [r.distribution, r.file, r.module, r.via])).toEqual([
    ["torch", "train.py", "torch", "monai==1.2.0, timm==0.9.2"],
    ["numpy", "train.py", "numpy", "monai==1.2.0, torch==2.1.0"],
  ]);
});

it("leaves out what the spec asks for itself, optional imports and the repo's own modules", () => {
  expect(
    transitiveImports("requirements.txt", pins, [
      site("a.py", "cv2", "opencv-python"),
      site("a.py", "torch", "torch", { optional: true }),
      site("a.py", "numpy", "numpy", { localBy: "numpy.py" }),
      site("a.py", "pandas", "pandas"),
    ]),
  ).toEqual([]);
});

it("marks each undeclared import of a distribution the closure installs as a dependency, and no other", () => {
  const imports = [
    site("train.py", "numpy", "numpy"),
    site("data/io.py", "numpy.linalg", "numpy"),
    site("train.py", "PIL", "Pillow"),
    site("train.py", "pandas", "pandas"),
    site("train.py", "torch", "torch", { declared: true }),
  ];
  const resolution = transitiveImports("README.md", pins, imports);
  const marked = withInstalledBy(imports, resolution);
  expect(marked.map((r) => [r.module, r.installedBy ?? null])).toEqual([
    ["numpy", "monai==1.2.0, torch==2.1.0 (README.md)"],
    ["numpy.linalg", "monai==1.2.0, torch==2.1.0 (README.md)"],
    ["PIL", null],
    ["pandas", null],
    ["torch", null],
  ]);
  // No resolution, no marks.
  expect(withInstalledBy(imports, [])).toEqual(imports);
});
