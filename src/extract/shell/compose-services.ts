// The repo folder a compose service's command runs in: its `working_dir`, taken back through the volume
// that maps a folder of the repo into the container (`.:/app` with `working_dir: /app/src` is src/). Pure
// over a read function.
import { yamlParser } from "../../io/yaml.js";
import { joinRel } from "./readme-commands.js";

const FILES = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];

export function composeServiceFolder(
  read: (path: string) => string | null,
): (service: string, cwd: string) => string | null {
  return (service, cwd) => {
    for (const dir of [...new Set([cwd, ""])]) {
      const file = FILES.map((f) => joinRel(dir, f)).find((f) => read(f) !== null);
      if (!file) continue;
      let doc: unknown;
      try {
        doc = yamlParser().load(read(file)!);
      } catch {
        return null;
      }
      const spec = (doc as { services?: Record<string, { working_dir?: unknown; volumes?: unknown }> } | null)
        ?.services?.[service];
      if (!spec || typeof spec.working_dir !== "string") return null;
      const workdir = spec.working_dir.replace(/\/+$/, "");
      // The volume whose container side holds working_dir, the longest first.
      const mounts = (Array.isArray(spec.volumes) ? spec.volumes : [])
        .filter((v): v is string => typeof v === "string")
        .map((v) => v.split(":"))
        .filter((parts) => parts.length >= 2 && /^(?:\.|\.\/|\$\{?PWD\}?)/.test(parts[0]!))
        .map((parts) => ({ host: parts[0]!.replace(/^\$\{?PWD\}?/, "."), container: parts[1]!.replace(/\/+$/, "") }))
        .filter((m) => workdir === m.container || workdir.startsWith(`${m.container}/`))
        .sort((a, b) => b.container.length - a.container.length);
      const mount = mounts[0];
      if (!mount) return null;
      const folder = joinRel(joinRel(dir, mount.host), workdir.slice(mount.container.length));
      return folder.startsWith("..") ? null : folder;
    }
    return null;
  };
}
