// data-refs: the files a script that downloads and unpacks archives makes, in a folder only the run knows.
import { describe, expect, it } from "vitest";
import { fetchedNames } from "../../../../src/extract/families/data-refs/fetched-names.js";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";

describe("data-refs: fetched names", () => {
  it("names the file each address is saved as, and the folder each archive it extracts fills", () => {
    const text =
      "import requests, zipfile\nURLS = ['https://host.example.org/pack/part_one.zip']\n" +
      "def get(u, dest):\n    r = requests.get(u, stream=True)\n    with open(dest, 'wb') as f:\n        f.write(r.content)\n" +
      "def unpack(p, d):\n    zipfile.ZipFile(p).extractall(d)\n";
    expect(fetchedNames("dl.py", text).map((w) => [w.path, w.by, w.what])).toEqual([
      ["*/part_one.zip", "dl.py:4", "file"],
      ["*/part_one", "dl.py:8", "filled"],
    ]);
    // A file that neither saves what it fetches nor extracts makes nothing under those names.
    const ping = "import requests\nr = requests.get('https://host.example.org/a.zip')\nt = r.text.replace('a', 'b')\n";
    expect(fetchedNames("ping.py", ping)).toEqual([]);
  });

  it("fills only reads that name the archive's folder, not any read under an unknown folder", async () => {
    const records = await run(dataRefs, {
      "unpack.py": "import zipfile\nzipfile.ZipFile('pack_two.zip').extractall(dest)\n",
      "use.py":
        "import pandas as pd\na = pd.read_csv(os.path.join(root, 'pack_two', 'rows.csv'))\n" +
        "b = pd.read_csv(os.path.join(root, cfg.split, 'rows.csv'))\n",
    });
    expect(records.filter((r) => r.file === "use.py").map((r) => [r.path, r.producedBy])).toEqual([
      ["*/pack_two/rows.csv", "unpack.py:2"],
      ["*/*/rows.csv", null],
    ]);
  });
});
