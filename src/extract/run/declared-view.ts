// A view of the tree that lets an extractor read only files of the roles it declares: an undeclared read
// fails where it is made (the contract test runs every extractor through it).
import type { PythonSource, RepoView } from "../../model/repo-view.js";
import type { Extractor } from "../extractor.js";
import { roleOf } from "../view/file-roles.js";

export function declaredView(view: RepoView, extractor: Pick<Extractor, "id" | "roles">): RepoView {
  const allowed = new Set(extractor.roles);
  const byPath = new Map(view.files().map((entry) => [entry.path, entry]));
  const check = (path: string) => {
    const entry = byPath.get(path.replace(/^\.\//, ""));
    const role = entry ? roleOf(entry) : null;
    if (role !== null && !allowed.has(role))
      throw new Error(
        `the ${extractor.id} extractor read ${path}, a ${role} file, without declaring the role: add "${role}" to its roles`,
      );
  };
  return {
    files: () => view.files(),
    has: (path) => view.has(path),
    isDir: (path) => view.isDir(path),
    read: (path) => {
      check(path);
      return view.read(path);
    },
    *python(): Iterable<PythonSource> {
      for (const source of view.python()) {
        check(source.path);
        yield source;
      }
    },
  };
}
