// What the user gave as the source: a git URL (https, ssh, scp-like, file, git) or a local path. Pure.
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { badInput } from "../model/errors.js";

export type SourceInput = { kind: "url"; url: string } | { kind: "path"; path: string };

const URL_SCHEMES = new Set(["https:", "http:", "ssh:", "git:", "file:"]);
/** `git@github.com:owner/repo.git`, `user@host:path`: git's scp-like syntax (no scheme, a colon before any slash). */
const SCP_LIKE = /^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;

export function classifyInput(input: string): SourceInput {
  const text = input.trim();
  if (text === "") throw badInput("no repository given", "Pass a git URL or the path of a folder");
  // A leading dash would reach git as an option; `transport::address` is git's remote-helper syntax (ext::).
  if (text.startsWith("-"))
    throw badInput(`'${text}' looks like an option, not a repository`, "Pass a git URL or a folder path");
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(text)) {
    throw badInput(
      `'${text}' uses a git remote-helper transport, which is not allowed`,
      "Use an https, ssh or file URL",
    );
  }
  if (SCP_LIKE.test(text)) return { kind: "url", url: text };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (!scheme) {
    // "https:github.com/x", "http:/host/x": a known scheme without its "//" is a typo, not a folder name.
    if (/^(https?|ssh|git|file):/i.test(text)) {
      throw badInput(`malformed URL '${text}'`, "Write it as https://host/owner/repo.git or git@host:owner/repo.git");
    }
    return { kind: "path", path: text };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(
      `malformed URL '${text}'`,
      "Write it as https://host/owner/repo.git, ssh://git@host/owner/repo.git or file:///path/to/repo",
    );
  }
  if (!URL_SCHEMES.has(url.protocol)) {
    throw badInput(
      `unsupported URL scheme '${url.protocol.slice(0, -1)}' in '${text}'`,
      "Use an https, ssh, git or file URL, or a local path",
    );
  }
  if (url.protocol !== "file:" && url.hostname === "") {
    throw badInput(`malformed URL '${text}': no host`, "Write it as https://host/owner/repo.git");
  }
  if (url.protocol === "file:" && (url.pathname === "" || url.pathname === "/")) {
    throw badInput(`malformed URL '${text}': no path`, "Write it as file:///absolute/path/to/repo");
  }
  if (url.protocol !== "file:" && url.pathname.replace(/\/+$/, "") === "") {
    throw badInput(`malformed URL '${text}': no repository path`, "Write it as https://host/owner/repo.git");
  }
  return { kind: "url", url: text };
}

/** The URL without credentials, for reports and messages (`https://user:token@host/...` -> `https://host/...`). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

export function defaultCacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "repro-audit", "repos");
}

/** Cache folder of one URL: the same URL always lands in the same folder, so a rerun fetches instead of cloning. */
export function cacheDirFor(url: string, cacheRoot = defaultCacheRoot()): string {
  const hash = createHash("sha256").update(url.trim().replace(/\/+$/, "")).digest("hex").slice(0, 20);
  return join(cacheRoot, hash);
}

/** https://github.com/owner/name for a GitHub clone URL (https, ssh or scp-like), else null: where file links in
 * a report can point. Credentials and a trailing .git are dropped; owner and name keep GitHub's characters only. */
export function githubWebUrl(url: string): string | null {
  const m =
    /^(?:https:\/\/(?:[^@/]*@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  return m ? `https://github.com/${m[1]}/${m[2]}` : null;
}
