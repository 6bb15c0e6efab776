import { describe, expect, it } from "vitest";
import { resolveSettings } from "../../src/config/resolve.js";
import { MAX_EPOCH_TIMEOUT_SECONDS, MAX_RESOLVE_BUDGET_SECONDS } from "../../src/config/tunables.js";
import type { Config } from "../../src/config/config.js";

const user = (config: Config) => ({ config, file: "/home/me/audit.yml" });
const repo = (config: Config) => ({ config, file: ".repro-audit.yml" });

describe("resolveSettings", () => {
  it("takes the flag over the user's config over the repo's config over the default, each with its source", () => {
    const { settings } = resolveSettings({
      flags: { epochs: 2 },
      user: user({ train: { epochs: 10, folds: 5 } }),
      repo: repo({ train: { epochs: 30, folds: 3, seeds: 4 } }),
    });
    expect(settings.epochs).toEqual({ value: 2, origin: "flag", source: "--epochs" });
    expect(settings.folds).toEqual({ value: 5, origin: "user-config", source: "/home/me/audit.yml train.folds" });
    expect(settings.seeds).toEqual({
      value: 4,
      origin: "repo-config",
      source: "the repo's .repro-audit.yml train.seeds",
    });
    expect(settings.pue).toEqual({ value: 1.58, origin: "default", source: "default" });
    expect(settings.batches).toBeNull();
  });

  it("ignores what the repo's config may not set, one note each, and never lets it mount, pick images, rules or carbon figures", () => {
    const { settings, notes, rules, disable } = resolveSettings({
      flags: {},
      repo: repo({
        rules: ["/repo/my-rules"],
        disable: ["paths-portable"],
        failUnder: 0,
        failOn: "never",
        build: { baseImage: "private/registry:latest" },
        train: { commands: ["python train.py"], epochs: 12, data: ["/:/host"], measureEpochs: 9 },
        carbon: { pue: 1, intensity: 0.000001 },
      }),
    });
    expect(settings.commands).toEqual({
      value: ["python train.py"],
      origin: "repo-config",
      source: "the repo's .repro-audit.yml train.commands",
    });
    expect(settings.epochs?.value).toBe(12);
    expect(settings.data).toEqual({ value: [], origin: "default", source: "default" });
    expect(settings.baseImage).toBeNull();
    expect(settings.measureEpochs?.origin).toBe("default");
    expect(settings.pue?.origin).toBe("default");
    expect(settings.intensity).toBeNull();
    expect(settings.failUnder).toBeNull();
    expect(settings.failOn).toEqual({ value: "never", origin: "default", source: "default" });
    expect(rules).toEqual([]);
    expect(disable).toEqual([]);
    for (const field of [
      "rules",
      "disable",
      "failUnder",
      "failOn",
      "build.baseImage",
      "train.data",
      "train.measureEpochs",
      "carbon.pue",
      "carbon.intensity",
    ]) {
      expect(notes).toContain(
        `The repo's .repro-audit.yml sets ${field}: ignored, since only your flags and --config can set it (--trust-repo for your own repo).`,
      );
    }
    expect(notes).toContain("Read from the repo's .repro-audit.yml: train.commands, train.epochs.");
  });

  it("honours everything in the repo's config when the user trusts the repo", () => {
    const resolved = resolveSettings({
      flags: {},
      trustRepo: true,
      repo: repo({ rules: ["/repo/my-rules"], disable: ["paths-portable"], carbon: { pue: 1.1 } }),
      user: user({ disable: ["code-options-explained"] }),
    });
    expect(resolved.settings.pue).toEqual({
      value: 1.1,
      origin: "repo-config",
      source: "the repo's .repro-audit.yml carbon.pue",
    });
    expect(resolved.rules).toEqual([{ dir: "/repo/my-rules", origin: "repo-config" }]);
    expect(resolved.disable).toEqual(["paths-portable", "code-options-explained"]);
    expect(resolved.notes.some((n) => n.includes("ignored"))).toBe(false);
  });

  it("clamps timeouts to their documented maximum, from any source", () => {
    const { settings } = resolveSettings({
      flags: { epochTimeoutSeconds: 1e12 },
      user: user({ build: { timeoutSeconds: 1e9 } }),
    });
    expect(settings.epochTimeoutSeconds?.value).toBe(MAX_EPOCH_TIMEOUT_SECONDS);
    expect(settings.buildTimeoutSeconds).toMatchObject({ value: 6 * 3600, origin: "user-config" });
  });

  it("the resolve budget: 120 s by default, the user's config, a flag over it; never the repo's", () => {
    expect(resolveSettings({ flags: {} }).settings.resolveBudgetSeconds).toMatchObject({
      value: 120,
      origin: "default",
    });
    const mine = resolveSettings({ flags: {}, user: user({ build: { resolveBudgetSeconds: 30 } }) });
    expect(mine.settings.resolveBudgetSeconds).toMatchObject({ value: 30, origin: "user-config" });
    const flag = resolveSettings({
      flags: { resolveBudgetSeconds: 1e12 },
      user: user({ build: { resolveBudgetSeconds: 30 } }),
    });
    expect(flag.settings.resolveBudgetSeconds).toMatchObject({ value: MAX_RESOLVE_BUDGET_SECONDS, origin: "flag" });
    const theirs = resolveSettings({
      flags: {},
      repo: repo({ build: { resolveBudgetSeconds: 99999 } }),
    });
    expect(theirs.settings.resolveBudgetSeconds).toMatchObject({ value: 120, origin: "default" });
  });

  it("reads data mounts of the user's config relative to that file's folder", () => {
    const { settings } = resolveSettings({
      flags: {},
      user: user({ train: { data: ["input:/kaggle/input", "/abs:/data"] } }),
    });
    expect(settings.data?.value).toEqual([
      { host: "/home/me/input", container: "/kaggle/input" },
      { host: "/abs", container: "/data" },
    ]);
  });
});
