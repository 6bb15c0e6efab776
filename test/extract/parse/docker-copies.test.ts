// COPY and ADD sources of a Dockerfile, and whether a build context holds them with .dockerignore honoured.
import { describe, expect, it } from "vitest";
import { contextHolds, copySources, dockerIgnored } from "../../../src/extract/parse/docker-copies.js";

describe("copySources", () => {
  it("takes every source but the destination, across continuations and the JSON form", () => {
    const text =
      'FROM python:3.10\nCOPY model.pth \\\n  lib/ /app/\nADD ["wheels", "/w"]\nCOPY --chown=1000:1000 src /src\n';
    expect(copySources(text)).toEqual([
      { line: 2, source: "model.pth", instruction: "COPY" },
      { line: 2, source: "lib/", instruction: "COPY" },
      { line: 4, source: "wheels", instruction: "ADD" },
      { line: 5, source: "src", instruction: "COPY" },
    ]);
  });
  it("leaves out another stage's files, URLs, variables and heredocs", () => {
    const text = "COPY --from=build /out/app /app\nADD https://x.org/w.pth /w\nCOPY $SRC /s\nCOPY <<EOF /f\nhi\nEOF\n";
    expect(copySources(text)).toEqual([]);
  });
  it("skips JSON-form items that are not strings", () => {
    expect(copySources('COPY [{"toString": []}, 3, "lib", "/app"]\n')).toEqual([
      { line: 1, source: "lib", instruction: "COPY" },
    ]);
  });
});

describe("contextHolds", () => {
  const files = ["requirements.txt", "wheels/a-1.0-py3-none-any.whl", "lib/x.py", "weights/model.pth"];
  it("finds a file, a folder with files beneath it and a glob's match", () => {
    expect(contextHolds(files, "./requirements.txt", null)).toBe(true);
    expect(contextHolds(files, "lib/", null)).toBe(true);
    expect(contextHolds(files, "wheels/*.whl", null)).toBe(true);
    expect(contextHolds(files, ".", null)).toBe(true);
  });
  it("misses what is not there, or what .dockerignore leaves out", () => {
    expect(contextHolds(files, "model.pth", null)).toBe(false);
    expect(contextHolds(files, "firelib", null)).toBe(false);
    expect(contextHolds(files, "*.tar.gz", null)).toBe(false);
    expect(contextHolds(files, "weights/model.pth", "weights\n")).toBe(false);
    expect(contextHolds(files, "weights/model.pth", "weights\n!weights/model.pth\n")).toBe(true);
  });
  it("reads .dockerignore patterns from the context's root, ** spanning folders", () => {
    expect(dockerIgnored("**/*.pth\n", "weights/model.pth")).toBe(true);
    expect(dockerIgnored("*.pth\n", "weights/model.pth")).toBe(false);
    expect(dockerIgnored("# comment\n\n", "weights/model.pth")).toBe(false);
  });
});

describe("copySources of a RUN", () => {
  it("takes the wheels and archives pip installs by file name, not packages or URLs", () => {
    const text =
      "RUN pip install numpy && pip3 install /wheels/foo-1.0-py3-none-any.whl https://x.org/b-1.0.whl ./pkgs/c.tar.gz\n";
    expect(copySources(text)).toEqual([
      { line: 1, source: "/wheels/foo-1.0-py3-none-any.whl", instruction: "pip install" },
      { line: 1, source: "./pkgs/c.tar.gz", instruction: "pip install" },
    ]);
  });
});

describe("files a RUN fetches", () => {
  it("takes a wheel wget, curl or git clone fetched earlier (same RUN or before) as no build-context file", () => {
    const text = [
      "FROM python:3.7",
      "RUN wget -q https://x.org/dl/jpegio-0.2.1-cp37-cp37m-linux_x86_64.whl && pip install jpegio-0.2.1-cp37-cp37m-linux_x86_64.whl",
      "RUN curl -L -o /tmp/b.whl https://x.org/b-1.0-py3-none-any.whl",
      "RUN curl -LO https://x.org/c-1.0-py3-none-any.whl; pip install /tmp/b.whl ./c-1.0-py3-none-any.whl",
      "RUN git clone https://github.com/o/tools && pip install tools/dist/t-1.0-py3-none-any.whl",
      "ADD https://x.org/d-1.0-py3-none-any.whl /w/",
      "RUN pip install /w/d-1.0-py3-none-any.whl wheels/e-1.0-py3-none-any.whl",
    ].join("\n");
    expect(copySources(text)).toEqual([
      { line: 7, source: "wheels/e-1.0-py3-none-any.whl", instruction: "pip install" },
    ]);
  });
  it("still asks the context for a wheel installed before anything fetches it", () => {
    const text = "RUN pip install a-1.0-py3-none-any.whl\nRUN wget https://x.org/a-1.0-py3-none-any.whl\n";
    expect(copySources(text)).toEqual([{ line: 1, source: "a-1.0-py3-none-any.whl", instruction: "pip install" }]);
  });
});

describe("patterns from the repo", () => {
  it("takes a bracket literally and answers at once on a pattern made to backtrack", () => {
    expect(contextHolds(["a[z-b].txt"], "a[z-b].txt", null)).toBe(true);
    expect(dockerIgnored("[z-a]\n", "x")).toBe(false);
    const hostile = `${"*a".repeat(40)}b`;
    const started = Date.now();
    expect(contextHolds([`${"a".repeat(60)}`], hostile, `${hostile}\n`)).toBe(true);
    expect(dockerIgnored(`${"*".repeat(5000)}x\n`, `${"a".repeat(200)}x`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it("takes a wheel under another stage's COPY --from target, or a folder a RUN made, as the image's", () => {
    const text = [
      "FROM python:3.10 AS wheels",
      "RUN pip wheel torch -w /tmp/whl",
      "FROM python:3.10",
      "COPY --from=wheels /tmp/whl/*.whl /tmp/torch/",
      "RUN pip install /tmp/torch/*.whl",
      "RUN mkdir -p /opt/w && wget -P /opt/w https://x.org/i.html && pip install /opt/w/f-1.0-py3-none-any.whl",
      "RUN pip install /tmp/torchvision/*.whl",
    ].join("\n");
    expect(copySources(text)).toEqual([{ line: 7, source: "/tmp/torchvision/*.whl", instruction: "pip install" }]);
  });
});

describe("paths an earlier RUN wrote into the image", () => {
  it("takes a folder a download, an unpacking, a clone, a copy or a mkdir wrote as the image's, not the context's", () => {
    const text = [
      "FROM python:3.11",
      "RUN --mount=type=secret,id=k kaggle datasets download own/tools -p /kaggle/input/own/tools --unzip",
      "RUN wget -q -P /opt/a https://x.org/a.zip && curl -L --output-dir /opt/b -O https://x.org/b.whl",
      "RUN unzip -q /opt/a/a.zip -d /opt/c && tar -xzf /opt/a/d.tgz -C /opt/d",
      "RUN huggingface-cli download org/wheels --local-dir /opt/e && pip download -d /opt/f numpy",
      "RUN git clone https://x.org/g.git /opt/g && sudo cp -r /opt/g/dist /opt/h && mkdir -p /opt/i",
      "RUN pip install --no-index /kaggle/input/own/tools/sub/*.whl /opt/b/b-1.0-py3-none-any.whl \\",
      "    /opt/c/*.whl /opt/d/*.whl /opt/e/*.whl /opt/f/*.whl /opt/g/dist/*.whl /opt/h/*.whl /opt/i/*.tar.gz",
    ].join("\n");
    expect(copySources(text)).toEqual([]);
  });
  it("leaves a glob under a folder a COPY filled to that COPY", () => {
    expect(copySources("FROM python:3.11\nCOPY wheels /w\nRUN pip install /w/*.whl\n")).toEqual([
      { line: 2, source: "wheels", instruction: "COPY" },
    ]);
  });
  it("says nothing of a folder an earlier RUN names in a way not modelled", () => {
    expect(copySources("FROM python:3.11\nRUN cd /opt/w && ./fetch.sh\nRUN pip install /opt/w/*.whl\n")).toEqual([]);
  });
  it("still asks the context for a wheel under a folder nothing writes, an install beside it naming no writer", () => {
    const text = [
      "FROM python:3.11",
      "RUN mkdir -p /opt/other && kaggle datasets download own/x -p /opt/x",
      "RUN pip install /opt/w/a-1.0-py3-none-any.whl && pip install /opt/w/*.whl",
    ].join("\n");
    expect(copySources(text)).toEqual([
      { line: 3, source: "/opt/w/a-1.0-py3-none-any.whl", instruction: "pip install" },
      { line: 3, source: "/opt/w/*.whl", instruction: "pip install" },
    ]);
  });
});
