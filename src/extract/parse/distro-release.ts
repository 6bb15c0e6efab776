// The Debian or Ubuntu release a base image's tag gives (data/distro-python.json): its apt python3, whether PEP 668
// marks that Python externally managed, and whether the tag floats to whatever release is newest.
import { readDataJson } from "../../io/package.js";

interface ReleaseRow {
  distro: "debian" | "ubuntu";
  version: string;
  codename: string;
  python: string;
  externallyManaged: boolean;
}

interface DistroTable {
  checked: string;
  releases: ReleaseRow[];
  floating: Array<{ distro: "debian" | "ubuntu"; tags: string[]; atLeast: string }>;
}

export interface BaseRelease {
  /** "Debian 12 (bookworm)". */
  release: string;
  /** apt's python3 there ("3.11"); for a floating tag, the oldest it can be. */
  python: string;
  externallyManaged: boolean;
  /** The tag names no release (none, latest, stable, rolling): it gives the newest, at least this one. */
  floating: boolean;
  /** The date the table was checked, for a floating tag's words. */
  checked: string;
}

let table: DistroTable | null = null;
const distroTable = () => (table ??= readDataJson<DistroTable>("distro-python.json"));

const words = (row: ReleaseRow) => `${row.distro === "debian" ? "Debian" : "Ubuntu"} ${row.version} (${row.codename})`;

function fixed(row: ReleaseRow): BaseRelease {
  const { python, externallyManaged } = row;
  return { release: words(row), python, externallyManaged, floating: false, checked: distroTable().checked };
}

/** The release of an image's tag: `debian:bookworm-slim`, `debian:12.5`, `ubuntu:22.04`, `ubuntu` (floating),
 * `nvidia/cuda:12.4.1-devel-ubuntu22.04`; null for any other image or a release the table does not know. */
export function baseRelease(image: string): BaseRelease | null {
  const [named, digest] = image.split("@");
  const colon = named!.lastIndexOf(":");
  const name = colon > named!.lastIndexOf("/") ? named!.slice(0, colon) : named!;
  const tag = colon > named!.lastIndexOf("/") ? named!.slice(colon + 1) : "";
  const { releases, floating } = distroTable();
  const cuda = /^(?:[\w.-]+\/)*nvidia\/cuda$/.test(name) ? /-ubuntu(\d\d\.\d\d)$/.exec(tag) : null;
  if (cuda) {
    const row = releases.find((r) => r.distro === "ubuntu" && r.version === cuda[1]);
    return row ? fixed(row) : null;
  }
  const distro = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?(debian|ubuntu)$/.exec(name)?.[1];
  if (!distro) return null;
  // `12-slim`, `bookworm-20240110-slim`, `12.5`, `jammy-20240111`: the release is the first word.
  const first = tag.split("-")[0]!;
  const row = releases.find(
    (r) =>
      r.distro === distro &&
      (r.codename === first || r.version === first || (distro === "debian" && first.startsWith(`${r.version}.`))),
  );
  if (row) return fixed(row);
  const moving = floating.find((f) => f.distro === distro && f.tags.includes(first));
  // Pinned by digest alone, the tag says nothing of the release it was.
  if (!moving || (digest && !tag)) return null;
  const oldest = releases.find((r) => r.distro === distro && r.version === moving.atLeast)!;
  return { ...fixed(oldest), floating: true };
}

/** The python3 apt installs on each Ubuntu release, by version ("22.04" -> "3.10"). */
export function ubuntuPython(version: string): string | undefined {
  return distroTable().releases.find((r) => r.distro === "ubuntu" && r.version === version)?.python;
}

/** The distro an image is built on, where its name says: Debian for debian and the official python images (not
 * their alpine or windows tags), Ubuntu for ubuntu and CUDA's ubuntu tags; null for anything else. */
export function distroOf(image: string): "debian" | "ubuntu" | null {
  const known = baseRelease(image);
  if (known) return known.release.startsWith("Debian") ? "debian" : "ubuntu";
  const name = image.split("@")[0]!.replace(/^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?/, "");
  if (/^debian(?::|$)/.test(name)) return "debian";
  if (/^ubuntu(?::|$)/.test(name) || /^(?:[\w.-]+\/)*nvidia\/cuda:.*-ubuntu\d/.test(name)) return "ubuntu";
  if (/^python(?::|$)/.test(name) && !/alpine|windows|nanoserver/.test(name)) return "debian";
  return null;
}
