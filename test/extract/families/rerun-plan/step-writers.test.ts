// Who writes a file a step reads: an earlier subcommand of the same script, an archive extracted into a folder,
// a Lightning checkpoint named by its metric, and never a writer of another sub-project met through a `*` alone.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "./plan-repo.js";

const RULES = ["datasets-inputs-produced", "datasets-data-available"];
const SPEC = "torch==2.1.0\npandas==2.1.0\nrequests==2.31.0\ntyper==0.9.0\nlightning==2.1.0\n";

describe("rerun-plan io: the writer of a file a step reads", () => {
  it("takes the archives a `fetch` subcommand streams to disk as what its `expand` subcommand globs", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nsh pipeline.sh\n```\n",
        "requirements.txt": SPEC,
        "pipeline.sh": "python tools/get_data.py fetch\npython tools/get_data.py expand\n",
        "tools/get_data.py":
          "import requests\nimport typer\nfrom pathlib import Path\n\napp = typer.Typer()\n" +
          "LINKS = ['https://files.example.org/corpus/shards_a.zip', 'https://files.example.org/corpus/shards_b.zip']\n\n" +
          "def _pull(link: str, dest: Path):\n    r = requests.get(link, stream=True)\n" +
          "    tmp = dest.with_name(dest.name + '.part')\n    with open(tmp, 'wb') as f:\n" +
          "        for chunk in r.iter_content(1024):\n            f.write(chunk)\n    tmp.rename(dest)\n\n" +
          "@app.command()\ndef fetch(out_dir: Path = typer.Option(Path('store/zips'))):\n" +
          "    for link in LINKS:\n        _pull(link, out_dir / link.rsplit('/', 1)[1])\n\n" +
          "@app.command()\ndef expand(in_dir: Path = typer.Option(Path('store/zips'))):\n" +
          "    for z in in_dir.glob('**/*.zip'):\n        print(z)\n\nif __name__ == '__main__':\n    app()\n",
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("takes an archive's extraction as the write of the files its folder holds", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython unpack.py\npython build.py\n```\n",
        "requirements.txt": SPEC,
        "unpack.py":
          "import zipfile, tarfile, shutil\nfrom pathlib import Path\nARCHIVES = ['corpus_mini.zip', 'extras.tar.gz']\n" +
          "def unpack(p: Path, dest: Path):\n    with zipfile.ZipFile(p) as z:\n        z.extractall(dest)\n" +
          "def unpack_tar(p, dest):\n    shutil.unpack_archive(p, dest)\n" +
          "for a in ARCHIVES:\n    unpack(Path('raw') / a, Path('raw') / a.split('.')[0])\n",
        "build.py":
          "import pandas as pd\nfrom pathlib import Path\nROOT = Path(__file__).parent / 'raw'\n" +
          "for split in ['train', 'valid']:\n    df = pd.read_parquet(ROOT / 'corpus_mini' / split / 'events.parquet')\n" +
          "    x = pd.read_csv(ROOT / 'extras' / 'labels.csv')\n",
        "old/peek.py": "import pandas as pd\npd.DataFrame().to_parquet(os.path.join(d, cfg.split, 'events.parquet'))\n",
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("names a Lightning checkpoint by its metric (`{epoch}` writes epoch=3.ckpt) for the same script's predict", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nsh run.sh\n```\n",
        "requirements.txt": SPEC,
        "run.sh": "python model.py fit\npython model.py predict\n",
        "model.py":
          "import typer\nimport torch\nimport lightning as L\nfrom pathlib import Path\napp = typer.Typer()\n" +
          "OUT = Path('runs')\n\n@app.command()\ndef fit():\n" +
          "    cb = L.callbacks.ModelCheckpoint(dirpath=cfg.out_dir, save_top_k=1, filename='{epoch}')\n" +
          "    L.Trainer(callbacks=[cb]).fit(net)\n\n@app.command()\ndef predict():\n" +
          "    paths = list(cfg.out_dir.glob('epoch=*.ckpt'))\n    net = torch.load(paths[0])\n\n" +
          "if __name__ == '__main__':\n    app()\n",
        "legacy/trainer.py":
          "import os, torch\nfor e in range(3):\n    torch.save(m, os.path.join(d, f'epoch={e}.ckpt'))\n",
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("matches a read to another sub-project's writer only where the whole paths agree", async () => {
    const files = {
      "README.md": "# S\n\nRun teamA, then teamB.\n\n```bash\ncd teamB && python src/prep.py\n```\n",
      "teamA/requirements.txt": SPEC,
      "teamA/conf/paths.yaml": "work_dir: /mnt/shared/work\n",
      "teamA/stage/demo.py":
        "import os\nimport pandas as pd\nout = os.path.join(cfg.dir.out_dir, name, 'test')\n" +
        "pd.DataFrame().to_parquet(os.path.join(out, 'clicks.parquet'))\n",
      "teamB/pyproject.toml": "[project]\nname = 'teamb'\ndependencies = ['pandas==2.1.0']\n",
      "teamA/make.py": "import pandas as pd\npd.DataFrame().to_parquet('../shared/votes.parquet')\n",
      "teamB/src/prep.py":
        "import pandas as pd\nfrom pathlib import Path\nBASE = Path(__file__).parents[1]\n" +
        "for split in ['train', 'test']:\n    df = pd.read_parquet(BASE / 'input' / 'raw_dump' / split / 'clicks.parquet')\n" +
        "    for f in work_dir.glob('*.npy'):\n        print(f)\n" +
        "votes = pd.read_parquet('../../shared/votes.parquet')\n",
    };
    // The read is missing data (no step, no README gives it), not the unrun output of the other team's demo;
    // and its `work_dir` is no key of the other team's config.
    const reads = (await familyOf(files, "data-refs")).filter((r) => r.file === "teamB/src/prep.py");
    expect(reads.map((r) => [r.path, r.producedBy, r.resolved ?? null])).toEqual([
      ["../input/raw_dump/*/clicks.parquet", null, null],
      ["*/*.npy", null, null],
      // Known whole on both sides, the other team's output is this read's file.
      ["../../shared/votes.parquet", "teamA/make.py:2", null],
    ]);
    expect((await findingsOf(files, RULES)).map((f) => f[0])).toEqual([
      "datasets-data-available",
      "datasets-data-available",
      "datasets-inputs-produced",
    ]);
  });
});
