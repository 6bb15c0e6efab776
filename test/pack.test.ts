// Usable off a checkout: `npm pack` of a clone (no dist/ in it) gives a tarball that installs from the npm
// registry into a clean folder and runs. npm's cache, prefix and HOME are temp folders, never the user's.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROOT } from "./support/action-runner.js";
import { bareCheckout } from "./support/bare-checkout.js";
import { makeSampleRepo } from "./support/sample-repo.js";

const { version } = JSON.parse(readFileSync(join(ACTION_ROOT, "package.json"), "utf8")) as { version: string };

describe("npm pack", () => {
  it("packs a clone into a tarball that installs in a clean folder and audits with npx", () => {
    const temp = mkdtempSync(join(tmpdir(), "pack-"));
    const sample = makeSampleRepo("clean-solution");
    try {
      const env = {
        ...process.env,
        HOME: join(temp, "home"),
        XDG_CACHE_HOME: join(temp, "home", ".cache"),
        npm_config_cache: join(temp, "npm-cache"),
        npm_config_prefix: join(temp, "npm-prefix"),
        npm_config_userconfig: join(temp, "npmrc"),
        npm_config_update_notifier: "false",
        npm_config_audit: "false",
        npm_config_fund: "false",
        NO_COLOR: "1",
      };
      mkdirSync(env.HOME, { recursive: true });
      const clone = bareCheckout(join(temp, "clone"));
      // The clone's dev dependencies (tsc for the prepare script), as `npm ci` would leave them.
      symlinkSync(join(ACTION_ROOT, "node_modules"), join(clone, "node_modules"));
      execFileSync("npm", ["pack", "--pack-destination", temp], { cwd: clone, env, stdio: "pipe" });
      const tarball = readdirSync(temp).find((f) => /^repro-audit-.+\.tgz$/.test(f));
      expect(tarball).toBeDefined();

      const app = join(temp, "app");
      mkdirSync(app);
      writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "clean-folder", private: true })}\n`);
      execFileSync("npm", ["install", join(temp, tarball!)], { cwd: app, env, stdio: "pipe", timeout: 400_000 });
      const out = execFileSync("npx", ["--no-install", "repro-audit", "audit", sample, "--stages", "static"], {
        cwd: app,
        env,
        encoding: "utf8",
      });
      expect(out).toContain(`repro-audit ${version}  reproducibility audit`);
      expect(out).toMatch(new RegExp(`^ {2}repo +${sample.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
      expect(out).toMatch(/stages +static ran/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
      rmSync(sample, { recursive: true, force: true });
    }
  }, 600_000);
});

describe("the README's recipes", () => {
  const readme = readFileSync(join(ACTION_ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it("never run the package by its name from a registry: npx names a tarball or git URL", () => {
    const npx = blocks.flatMap((b) => b.split("\n")).filter((line) => /\bnpx\b/.test(line) && /repro-audit/.test(line));
    expect(npx.length).toBeGreaterThan(0);
    for (const line of npx) expect(line, line).toMatch(/npx --yes --package="\$REPRO_AUDIT" repro-audit /);
    const sources = [...readme.matchAll(/REPRO_AUDIT[:,]? (?:value: )?"?([^"\s}]+)/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^(git\+https:\/\/|https:\/\/.+\.tgz$)/);
    // The one-run form in the prose names its source too.
    expect(readme).not.toMatch(/npx (--yes )?repro-audit /);
  });
});
