// `exclude:` globs, gitignore-like, compiled once (pure). A pattern without a slash matches a file or folder
// name at any depth (`vendor`, `*.pyc`); one with a slash is anchored at the repo root (`third_party/**`,
// `/notebooks/old`); a trailing slash matches folders only; `*` and `?` stay inside one path segment, `**`
// spans segments, `{a,b}` is either. A folder that matches takes everything beneath it.

export interface PathMatcher {
  /** Whether the repo-relative POSIX path (a folder when `isDir`) is excluded. */
  matches(path: string, isDir: boolean): boolean;
}

function segmentRegex(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        out += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 2 : 1;
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      if (end < 0) out += "\\{";
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(",")
          .map(segmentRegex)
          .join("|")})`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return out;
}

export function compileGlobs(globs: readonly string[]): PathMatcher {
  const compiled = globs
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => {
      const dirOnly = raw.endsWith("/");
      const body = raw.replace(/\/+$/, "");
      const anchored = body.includes("/");
      const source = segmentRegex(body.replace(/^\/+/, ""));
      return { dirOnly, regex: new RegExp(anchored ? `^${source}$` : `(?:^|/)${source}$`) };
    });
  return {
    matches: (path, isDir) => compiled.some((g) => (!g.dirOnly || isDir) && g.regex.test(path)),
  };
}
