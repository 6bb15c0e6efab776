// The trust holes of a hostile repo's own files, end to end through the bin: each case is an attack a
// repository could make with nothing but files it ships (config, rule folders, links), and what stops it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkConfig } from "../../src/config/config.js";
import { resolveSettings } from "../../src/config/resolve.js";
import { MAX_BUILD_TIMEOUT_SECONDS, MAX_EPOCH_TIMEOUT_SECONDS } from "../../src/config/tunables.js";
import { runCli } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "ra-trust-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small solution repo; `extra` adds or replaces files. */
function repo(name: string, extra: Record<string, string> = {}): string {
  const root = join(work, name);
  const files: Record<string, string> = {
    "README.md": "# Solution\n\nInstall: `pip install -r requirements.txt`\n\nTrain: `python train.py`\n",
    "requirements.txt": "numpy\n",
    "train.py": "import numpy\nprint(undefined_name)\n",
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function audit(root: string, ...more: string[]) {
  const result = runCli(["audit", root, "--stages", "static", "--format", "json", ...more]);
  return { ...result, report: result.code === 0 || result.code === 1 ? JSON.parse(result.stdout) : null };
}

/** A rule file with a built-in id that never matches: loaded, it would replace the real rule. */
const NEVER = (id: string, category: string) =>
  `id: ${id}\ntitle: Require nothing\ncategory: ${category}\nseverity: info\nweight: 1\nreason: never fails.\ncheck:\n  family: inventory\n  where: { kind: no-such-kind }\nmessage: "never"\n`;

describe("the repo's own config cannot score or quiet its audit", () => {
  it("rules: with the built-in ids and disable: are ignored, one note each, and the score is the one without them", () => {
    const plain = audit(repo("plain", { ".repro-audit.yml": "train: { epochs: 3 }\n" }));
    const hostile = audit(
      repo("self-scoring", {
        ".repro-audit.yml":
          "train: { epochs: 3 }\nrules: [my-rules]\ndisable: [requirements-pinned, code-import-names-defined]\nfailUnder: 0\n",
        "my-rules/code-import-names-defined.yaml": NEVER("code-import-names-defined", "code"),
        "my-rules/requirements-pinned.yaml": NEVER("requirements-pinned", "requirements"),
      }),
    );
    expect(hostile.code).toBe(0);
    expect(hostile.report.score).toEqual(plain.report.score);
    expect(hostile.report.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(["code-import-names-defined", "requirements-pinned"]),
    );
    for (const field of ["rules", "disable", "failUnder"]) {
      expect(hostile.report.notes).toContain(
        `The repo's .repro-audit.yml sets ${field}: ignored, since only your flags and --config can set it (--trust-repo for your own repo).`,
      );
    }
  });

  it("an invalid repo config is a finding in a report (exit 0), never a refused audit", () => {
    const broken = audit(repo("broken-config", { ".repro-audit.yml": "train:\n  epochs: [oops\n" }));
    expect(broken.code, broken.stderr).toBe(0);
    const finding = broken.report.findings.find((f: { rule: string }) => f.rule === "execution-config-valid");
    expect(finding).toMatchObject({ file: ".repro-audit.yml", severity: "warning" });
    expect(finding.message).toMatch(/^\.repro-audit\.yml is not valid YAML .*; nothing in it was used$/);
    const schema = audit(repo("schema-config", { ".repro-audit.yml": "train:\n  epochs: many\n" }));
    expect(schema.code).toBe(0);
    expect(schema.report.findings.find((f: { rule: string }) => f.rule === "execution-config-valid").message).toContain(
      "/train/epochs",
    );
  });

  it("train.data, build.baseImage and carbon figures from the repo are ignored with a note each", () => {
    const hostile = audit(
      repo("mounts", {
        ".repro-audit.yml":
          "build: { baseImage: private/secret:latest }\ntrain: { epochs: 3, data: ['/:/host', '/var/run/docker.sock:/sock'] }\ncarbon: { intensity: 0.0000001, pue: 1 }\n",
      }),
    );
    expect(hostile.code).toBe(0);
    for (const field of ["build.baseImage", "train.data", "carbon.intensity", "carbon.pue"]) {
      expect(hostile.report.notes).toContain(
        `The repo's .repro-audit.yml sets ${field}: ignored, since only your flags and --config can set it (--trust-repo for your own repo).`,
      );
    }
    expect(hostile.report.notes).toContain("Read from the repo's .repro-audit.yml: train.epochs.");
  });

  it("a repo config linked to a host file is not read (a finding says why) and its keys never reach the report", () => {
    const secret = join(work, "host-secret.yml");
    writeFileSync(secret, "train:\n  epochs: 7\nsecret_canary_key_7f3a: hunter2\n");
    const root = repo("linked-config");
    symlinkSync(secret, join(root, ".repro-audit.yml"));
    const result = audit(root);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("secret_canary_key_7f3a");
    expect(result.stdout).not.toContain("hunter2");
    const finding = result.report.findings.find((f: { rule: string }) => f.rule === "execution-config-valid");
    expect(finding.message).toContain("symlink pointing outside the repo");
  });
});

describe("rule folders of a trusted repo stay inside it and are read safely", () => {
  it("a rule file linked to /dev/zero is refused at once (exit 2, one line), not read", () => {
    const root = repo("zero-rule", { ".repro-audit.yml": "rules: [my-rules]\n" });
    mkdirSync(join(root, "my-rules"), { recursive: true });
    symlinkSync("/dev/zero", join(root, "my-rules", "zero.yaml"));
    const result = audit(root, "--trust-repo");
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("zero.yaml is a symbolic link");
  });

  it("a rule file linked to a host YAML file is not read, so none of its keys are echoed", () => {
    const secret = join(work, "host-rule.yml");
    writeFileSync(secret, "rule_secret_canary_91: value\nother: 1\n");
    const root = repo("host-rule", { ".repro-audit.yml": "rules: [my-rules]\n" });
    mkdirSync(join(root, "my-rules"), { recursive: true });
    symlinkSync(secret, join(root, "my-rules", "host.yaml"));
    const result = audit(root, "--trust-repo");
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("rule_secret_canary_91");
    expect(result.stderr).toContain("host.yaml is a symbolic link");
  });

  it("rules: [link/dir] through a symlinked folder that leaves the repo fails the stays-inside check", () => {
    const outside = join(work, "outside-rules");
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, "code-names-defined.yaml"), NEVER("code-names-defined", "code"));
    const root = repo("linked-rule-dir", { ".repro-audit.yml": "rules: [link/dir]\n" });
    mkdirSync(join(root, "link"), { recursive: true });
    symlinkSync(outside, join(root, "link", "dir"));
    const result = audit(root, "--trust-repo");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("names rule folders outside the repo");
  });
});

describe("timeouts from any source stay within Node's timers", () => {
  it("a timeout above 2^31 ms or .inf, from a flag or the user's config, is clamped to its documented maximum", () => {
    const config = checkConfig("inf.yml", "build: { timeoutSeconds: .inf }\ntrain: { timeoutSeconds: 99999999999 }\n");
    expect(config.config?.build?.timeoutSeconds).toBe(Infinity);
    const { settings } = resolveSettings({ flags: {}, user: { config: config.config!, file: "inf.yml" } });
    expect(settings.buildTimeoutSeconds).toMatchObject({ value: MAX_BUILD_TIMEOUT_SECONDS, origin: "user-config" });
    expect(settings.epochTimeoutSeconds).toMatchObject({ value: MAX_EPOCH_TIMEOUT_SECONDS, origin: "user-config" });
    const root = repo("timeouts");
    const file = join(work, "timeouts.yml");
    writeFileSync(file, "build: { timeoutSeconds: .inf }\ntrain: { timeoutSeconds: 99999999999 }\n");
    const result = audit(root, "--config", file);
    expect(result.code, result.stderr).toBe(0);
    const flag = audit(root, "--build-timeout", "9999999999", "--epoch-timeout", "3000000");
    expect(flag.code, flag.stderr).toBe(0);
  });

  it("a number YAML cannot hold (1e400) is one bad-input line naming the field, never a crash", () => {
    const config = join(work, "huge.yml");
    writeFileSync(config, "train: { timeoutSeconds: 1e400 }\n");
    const result = runCli(["audit", repo("huge"), "--stages", "static", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("/train/timeoutSeconds");
  });
});
