// Team solutions split into members' folders (`member_a/`, `solution_2/`), each with code and a spec of its
// own: an environment file or Dockerfile there is that member's environment, not the whole repo's, so an
// import of one member is not declared by a sibling's spec. Pure.

/** The top-level folders that hold both code and a spec file, where there are two or more; else none. */
export function memberFolders(specFiles: readonly string[], codeFiles: readonly string[]): Set<string> {
  const top = (p: string) => (p.includes("/") ? p.slice(0, p.indexOf("/")) : "");
  const withCode = new Set(codeFiles.map(top).filter((t) => t !== ""));
  const members = new Set(specFiles.map(top).filter((t) => t !== "" && withCode.has(t)));
  return members.size >= 2 ? members : new Set();
}

/** The member folder a spec file lies in, or null. */
export function memberOf(file: string, members: ReadonlySet<string>): string | null {
  const top = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
  return members.has(top) ? top : null;
}
