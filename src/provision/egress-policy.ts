// Which destinations a build may reach through the egress proxy (pure): public addresses on HTTP(S) ports,
// never this machine, its loopback, private or link-local networks (a cloud's metadata service included).
import { isIP } from "node:net";
import { EGRESS_PORTS } from "./limits.js";

function v4(ip: string): number[] | null {
  const parts = ip.split(".").map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

function privateV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a! >= 224 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** Whether `ip` is an address of no one's public internet: loopback, private, link-local, multicast, reserved. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return privateV4(v4(ip)!);
  if (family !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateV4(v4(mapped[1]!) ?? [0]);
  if (lower === "::" || lower === "::1") return true;
  const first = parseInt(lower.split(":")[0] || "0", 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

export type EgressVerdict = { ok: true } | { ok: false; why: string };

/** A destination the user named (the host and port of their --index-url): reached wherever it is. */
export interface NamedDestination {
  host: string;
  port: number;
}

const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, "");

/** PyPI's own index, the default: it needs no exception, so naming it opens none. */
export const isPyPIIndex = (url: string) => /^https:\/\/pypi\.org\/simple\/?$/.test(url);

/** The host and port of an http(s) URL the user gave; null when it is not one, or is PyPI's own. */
export function destinationOf(url: string): NamedDestination | null {
  if (isPyPIIndex(url)) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return { host: bare(parsed.hostname), port: Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80)) };
  } catch {
    return null;
  }
}

/** Pure: may a build connect to `host:port`, resolved to `addresses`, from a machine whose own are `own`? A
 * destination in `named` (the user's own index, on this machine or a private network) may, as named, on its port. */
export function egressVerdict(
  host: string,
  port: number,
  addresses: readonly string[],
  own: ReadonlySet<string>,
  named: readonly NamedDestination[] = [],
): EgressVerdict {
  if (addresses.length > 0 && named.some((d) => d.host === bare(host) && d.port === port)) return { ok: true };
  if (!EGRESS_PORTS.includes(port)) return { ok: false, why: `port ${port} is not HTTP or HTTPS` };
  if (addresses.length === 0) return { ok: false, why: `${host} does not resolve` };
  const mine = addresses.find((a) => own.has(a.toLowerCase()));
  if (mine) return { ok: false, why: `${host} is this machine (${mine})` };
  const local = addresses.find(isPrivateAddress);
  if (local) return { ok: false, why: `${host} is on a private, loopback or link-local network (${local})` };
  return { ok: true };
}
