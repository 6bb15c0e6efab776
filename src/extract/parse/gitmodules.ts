// `.gitmodules`, read as git writes it: each `[submodule]` section's path and url. Pure.

export interface Submodule {
  line: number;
  /** The folder it fills, as `.gitmodules` writes it. */
  folder: string;
  url: string;
}

/** Each `[submodule]` section with its path and url (a section missing either is left out). */
export function submodulesOf(gitmodules: string): Submodule[] {
  const out: Submodule[] = [];
  let current: { line: number; folder?: string; url?: string } | null = null;
  const flush = () => {
    if (current?.folder && current.url) out.push({ line: current.line, folder: current.folder, url: current.url });
  };
  gitmodules.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (/^\[submodule\b/.test(line)) {
      flush();
      current = { line: i + 1 };
      return;
    }
    const kv = /^(path|url)\s*=\s*(.+)$/.exec(line);
    if (!kv || !current) return;
    if (kv[1] === "path") current.folder = kv[2]!.trim();
    else current.url = kv[2]!.trim();
  });
  flush();
  return out;
}
