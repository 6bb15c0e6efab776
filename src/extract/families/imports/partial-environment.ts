// What specifies part of the environment of a repo with no spec file of its own: a pinned image the README runs
// in (`docker run owner/img:tag`, or its tag in prose), or a vendored package the README installs whose own
// setup.py / pyproject.toml lists what it requires. The missing spec is then friction, not a wall. Pure.
import type { FactRecord } from "../../../model/facts.js";
import { parseSetupPyText } from "../../parse/setup.js";
import { parsePyprojectText } from "../../parse/pyproject.js";
import { dockerRunImage } from "../../parse/docker-run-image.js";

/** `pip install -e .`, `pip install .[extra]`, `python setup.py install|develop`: the working folder's project. */
const INSTALL_HERE =
  /^(?:sudo\s+)?(?:(?:python[\d.]*\s+-m\s+)?pip[\d.]*\s+install\s+(?:(?:-e|--editable|-U|--upgrade|--user|--no-deps)\s+)*\.(?:\[[\w,-]+\])?|python[\d.]*\s+setup\.py\s+(?:install|develop))\s*$/;

/** Words naming what specifies part of the environment, or null when nothing does. */
export function partlySpecifiedBy(
  spec: readonly FactRecord[],
  readme: readonly FactRecord[],
  read: (path: string) => string | null,
): string | null {
  for (const r of spec) {
    if (r.kind === "image" && typeof r.uses === "string" && r.uses !== "names" && r.untagged === false)
      return `the image ${String(r.image)} the README ${r.uses}`;
    if (r.kind === "python-version" && typeof r.prescribes === "string")
      return `the image${r.prescribes.includes(":") ? "" : " tag"} ${r.prescribes} the README names`;
  }
  // A pinned image a README command runs (with no Dockerfile here, it is not one built from the repo).
  for (const r of readme) {
    if (r.kind !== "command" || typeof r.command !== "string") continue;
    const run = dockerRunImage(r.command.trim());
    if (run !== null && /:(?!latest$)[\w.-]+$/.test(run.slice(run.lastIndexOf("/") + 1)))
      return `the image ${run} the README runs`;
  }
  for (const r of readme) {
    if (r.kind !== "command" || typeof r.command !== "string" || !INSTALL_HERE.test(r.command.trim())) continue;
    const folder = typeof r.cwd === "string" && r.cwd !== "." ? r.cwd.replace(/\/+$/, "") : "";
    const at = (name: string) => (folder ? `${folder}/${name}` : name);
    const setup = read(at("setup.py"));
    if (setup !== null && parseSetupPyText(at("setup.py"), setup).some((p) => p.kind === "package"))
      return `${at("setup.py")}, which the README installs,`;
    const pyproject = read(at("pyproject.toml"));
    if (
      pyproject !== null &&
      parsePyprojectText(at("pyproject.toml"), pyproject).records.some((p) => p.kind === "package")
    )
      return `${at("pyproject.toml")}, which the README installs,`;
  }
  return null;
}
