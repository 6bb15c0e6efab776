import { describe, expect, it } from "vitest";
import { apiUses, type ApiForms } from "../../../src/extract/python/removed-api-uses.js";

const APIS = new Set(["numpy.int", "numpy.float", "PIL.Image.ANTIALIAS", "torch._six", "sklearn.cross_validation"]);

describe("apiUses", () => {
  it("follows import aliases and from-imports to the API's path", () => {
    const text = [
      "import numpy as np",
      "from PIL import Image",
      "import PIL.Image",
      "a = np.zeros(3, dtype=np.int)",
      "b = Image.open('x').resize((2, 2), Image.ANTIALIAS)",
      "c = PIL.Image.ANTIALIAS",
    ].join("\n");
    expect(apiUses(text, APIS).uses).toEqual([
      { line: 4, api: "numpy.int", written: "np.int" },
      { line: 5, api: "PIL.Image.ANTIALIAS", written: "Image.ANTIALIAS" },
      { line: 6, api: "PIL.Image.ANTIALIAS", written: "PIL.Image.ANTIALIAS" },
    ]);
  });
  it("counts an import of a removed module, and a name taken from it", () => {
    const text =
      "from torch._six import inf\nfrom sklearn.cross_validation import KFold, train_test_split\nimport torch._six as six\n";
    expect(apiUses(text, APIS).uses.map((u) => [u.line, u.api, u.written])).toEqual([
      [1, "torch._six", "torch._six"],
      [1, "torch._six", "from torch._six import inf"],
      [2, "sklearn.cross_validation", "sklearn.cross_validation"],
      [2, "sklearn.cross_validation", "from sklearn.cross_validation import KFold"],
      [2, "sklearn.cross_validation", "from sklearn.cross_validation import train_test_split"],
      [3, "torch._six", "torch._six"],
    ]);
  });
  it("leaves strings, comments, other names and attributes of other objects alone", () => {
    const text = [
      "import numpy as np",
      "# np.int is gone",
      "s = 'np.int'",
      "a = np.int64(1)",
      "b = self.np.int",
      "c = np.float32",
    ].join("\n");
    expect(apiUses(text, APIS).uses).toEqual([]);
  });
  it("reads `np.int = int` as the file's own shim, not a use", () => {
    expect(apiUses("import numpy as np\nnp.int = int\nx = np.int(2)\n", APIS)).toEqual({
      uses: [{ line: 3, api: "numpy.int", written: "np.int" }],
      shims: ["numpy.int"],
    });
  });
  it("needs the import: a name bound otherwise is not the module", () => {
    expect(apiUses("np = object()\nx = np.int\n", APIS).uses).toEqual([]);
  });
});

const FIT = new Map([["early_stopping_rounds", "lightgbm.LGBMModel.fit(early_stopping_rounds=)"]]);
const FORMS: ApiForms = {
  keywords: new Map([
    ["lightgbm.train", new Map([["verbose_eval", "lightgbm.train(verbose_eval=)"]])],
    ["lightgbm.LGBMClassifier().fit", FIT],
    ["pytorch_lightning.Trainer", new Map([["gpus", "pytorch_lightning.Trainer(gpus=)"]])],
  ]),
  hooks: new Map([
    [
      "pytorch_lightning.LightningModule",
      new Map([["validation_epoch_end", "pytorch_lightning.LightningModule.validation_epoch_end"]]),
    ],
  ]),
  members: new Map([["pandas", new Map([["as_matrix", "pandas.DataFrame.as_matrix"]])]]),
};
const uses = (text: string) => apiUses(text, new Set(), false, FORMS).uses.map((u) => [u.line, u.api, u.written]);

describe("apiUses of removals that are no module path", () => {
  it("reads a removed keyword of a call through the callee's import, and of a method of an object made from a class", () => {
    const text = [
      "import lightgbm as lgb",
      "from pytorch_lightning import Trainer",
      "b = lgb.train(p, d,",
      "              verbose_eval=100, callbacks=[f(verbose_eval=1)])",
      "self.m = lgb.LGBMClassifier(n_estimators=10)",
      "self.m.fit(X, y, early_stopping_rounds=50)",
      "t = Trainer(gpus=1, max_epochs=2)",
      "other.fit(X, early_stopping_rounds=5)",
      "s = lgb.train(p, d, early_stopping_rounds=5)",
    ].join("\n");
    expect(uses(text)).toEqual([
      [4, "lightgbm.train(verbose_eval=)", "lgb.train(verbose_eval=…)"],
      [6, "lightgbm.LGBMModel.fit(early_stopping_rounds=)", "self.m.fit(early_stopping_rounds=…)"],
      [7, "pytorch_lightning.Trainer(gpus=)", "Trainer(gpus=…)"],
    ]);
  });
  it("reads a hook a subclass of the base defines, through the file's own subclasses, and no other class's method", () => {
    const text = [
      "import pytorch_lightning as pl",
      "class Base(pl.LightningModule):",
      "    def validation_epoch_end(self, outs):",
      "        def validation_epoch_end(): pass",
      "class Model(Base):",
      "    @torch.no_grad()",
      "    def validation_epoch_end(self, outs):",
      "        pass",
      "class Plain(object):",
      "    def validation_epoch_end(self, outs):",
      "        pass",
    ].join("\n");
    expect(uses(text)).toEqual([
      [3, "pytorch_lightning.LightningModule.validation_epoch_end", "def validation_epoch_end"],
      [7, "pytorch_lightning.LightningModule.validation_epoch_end", "def validation_epoch_end"],
    ]);
  });
  it("reads an attribute of any object only where the file imports the module that removed it", () => {
    expect(uses("import pandas as pd\nx = df.as_matrix()\ny = df.as_matrix\n")).toEqual([
      [2, "pandas.DataFrame.as_matrix", ".as_matrix()"],
    ]);
    expect(uses("import numpy as np\nx = df.as_matrix()\n")).toEqual([]);
  });
});
