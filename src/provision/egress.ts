// The only network a build gets: its steps share the network namespace of a holder container that has no
// network but a forwarder from 127.0.0.1:3128 to a Unix socket, behind which a proxy on the host resolves
// each destination itself and connects only to public addresses on HTTP(S) ports (egress-policy.ts).
// So a build reaches package indexes, never this machine, its loopback or a private network.
// The holder runs the host's own Node binary (mounted read-only) in an empty image: nothing to pull.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { lookup } from "node:dns/promises";
import { connect, type Socket } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { execa } from "execa";
import type { Engine } from "./engine.js";
import { egressVerdict, type NamedDestination } from "./egress-policy.js";
import { EGRESS_LIMITS } from "./limits.js";
import { trackContainer, trackDir, untrackContainer, untrackDir } from "./containers.js";

export interface EgressAttempt {
  host: string;
  port: number;
  allowed: boolean;
  why?: string;
  count: number;
}

export interface Egress {
  /** The build's --network value. */
  network: string;
  /** --build-arg pairs that point the build's tools at the proxy. */
  buildArgs: string[];
  attempts(): EgressAttempt[];
  stop(): Promise<void>;
}

const HOLDER_IMAGE = "repro-audit/egress-holder:1";
const PROXY = "http://127.0.0.1:3128";
const INSPECT_MS = 20_000;

const FORWARDER = `import net from "node:net";
net.createServer((c) => {
  const u = net.connect("/ra/sock/proxy.sock");
  const end = () => { c.destroy(); u.destroy(); };
  c.pipe(u); u.pipe(c);
  for (const s of [c, u]) { s.on("error", end); s.on("close", end); }
}).listen(3128, "127.0.0.1", () => console.log("ready"));
`;

/** The running Node binary and the folders of the shared libraries it loaded (from /proc/self/maps). */
function hostNode(): { node: string; loader: string; libDirs: string[] } | null {
  try {
    const paths = new Set(
      readFileSync("/proc/self/maps", "utf8")
        .split("\n")
        .map((l) => l.split(/\s+/)[5])
        .filter((p): p is string => !!p && p.startsWith("/")),
    );
    const libs = [...paths].filter((p) => /\.so(\.|$)/.test(p));
    const loader = libs.find((p) => /^ld-(linux|musl)[^/]*\.so/.test(basename(p)));
    if (!loader) return null;
    return { node: process.execPath, loader, libDirs: [...new Set(libs.map((p) => dirname(p)))] };
  } catch {
    return null;
  }
}

function ownAddresses(): Set<string> {
  const own = new Set<string>();
  for (const list of Object.values(networkInterfaces()))
    for (const info of list ?? []) own.add(info.address.toLowerCase());
  return own;
}

async function ensureHolderImage(engine: Engine): Promise<boolean> {
  const present = await execa(engine.bin, ["image", "inspect", HOLDER_IMAGE], {
    reject: false,
    stdin: "ignore",
    timeout: INSPECT_MS,
  });
  if (present.exitCode === 0) return true;
  // An empty tar: an image with no files at all, into which the holder's few read-only mounts go.
  const made = await execa(engine.bin, ["import", "--change", "LABEL repro-audit.egress-holder=1", "-", HOLDER_IMAGE], {
    reject: false,
    input: Buffer.alloc(1024),
    timeout: 60_000,
  });
  return made.exitCode === 0;
}

/** The host side: an HTTP proxy on a Unix socket that decides every destination by its resolved address. */
function startProxy(
  socketPath: string,
  record: (host: string, port: number, allowed: boolean, why?: string) => void,
  named: readonly NamedDestination[],
) {
  const own = ownAddresses();
  const decide = async (host: string, port: number): Promise<{ address: string } | { why: string }> => {
    let addresses: string[];
    try {
      addresses = (await lookup(host.replace(/^\[|\]$/g, ""), { all: true })).map((a) => a.address);
    } catch {
      addresses = [];
    }
    const verdict = egressVerdict(host, port, addresses, own, named);
    record(host, port, verdict.ok, verdict.ok ? undefined : verdict.why);
    return verdict.ok ? { address: addresses[0]! } : { why: verdict.why };
  };
  const sockets = new Set<Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end("absolute URL expected\n");
      return;
    }
    const port = Number(url.port || 80);
    const decision =
      url.protocol === "http:" ? await decide(url.hostname, port) : { why: `${url.protocol} is not proxied` };
    if ("why" in decision) {
      res.writeHead(403, { "content-type": "text/plain" }).end(`repro-audit refused: ${decision.why}\n`);
      return;
    }
    const upstream = httpRequest(
      {
        host: decision.address,
        port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...req.headers, host: url.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("connect", async (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on("error", () => client.destroy());
    const at = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? "");
    if (!at) {
      client.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      return;
    }
    const decision = await decide(at[1]!, Number(at[2]));
    if ("why" in decision) {
      client.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nrepro-audit refused: ${decision.why}\n`);
      return;
    }
    const upstream = connect(Number(at[2]), decision.address, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  const listening = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return { listening, close };
}

/** Start the holder and the proxy; null (with why) where it cannot run: podman, a remote engine, no /proc.
 * `named`: destinations the user named (their index), reached even on this machine or a private network. */
export async function startEgress(
  engine: Engine,
  named: readonly NamedDestination[] = [],
): Promise<{ egress: Egress } | { egress: null; why: string }> {
  if (engine.name !== "docker") return { egress: null, why: "the egress proxy is made for docker" };
  const daemon = process.env.DOCKER_HOST ?? "";
  if (daemon && !daemon.startsWith("unix://"))
    return { egress: null, why: `the engine at ${daemon} cannot mount this machine's files` };
  const node = hostNode();
  if (!node) return { egress: null, why: "this machine's Node libraries could not be listed" };
  if (!(await ensureHolderImage(engine))) return { egress: null, why: `the image ${HOLDER_IMAGE} could not be made` };

  const dir = await mkdtemp(join(tmpdir(), "repro-audit-egress-"));
  trackDir(dir);
  await chmod(dir, 0o755);
  await writeFile(join(dir, "forward.mjs"), FORWARDER, { mode: 0o644 });
  const attempts = new Map<string, EgressAttempt>();
  const record = (host: string, port: number, allowed: boolean, why?: string) => {
    const key = `${host}:${port}`;
    const seen = attempts.get(key);
    if (seen) seen.count++;
    else attempts.set(key, { host, port, allowed, ...(why ? { why } : {}), count: 1 });
  };
  const socketPath = join(dir, "proxy.sock");
  const proxy = startProxy(socketPath, record, named);
  const name = `repro-audit-egress-${randomBytes(6).toString("hex")}`;
  const stop = async () => {
    await execa(engine.bin, ["rm", "-f", name], { reject: false, stdin: "ignore", timeout: 30_000 });
    untrackContainer(name);
    await proxy.close();
    await rm(dir, { recursive: true, force: true });
    untrackDir(dir);
  };
  try {
    await proxy.listening;
    await chmod(socketPath, 0o777);
    const mounts = [
      ["-v", `${node.node}:/ra/node:ro`],
      ...node.libDirs.map((d, i) => ["-v", `${d}:/ra/lib${i}:ro`]),
      ["-v", `${dir}:/ra/sock`],
    ].flat();
    const loaderIndex = node.libDirs.indexOf(dirname(node.loader));
    trackContainer(name, engine);
    const run = await execa(
      engine.bin,
      [
        "run",
        "-d",
        "--name",
        name,
        "--label",
        "repro-audit.egress=1",
        "--network",
        "none",
        "--read-only",
        "--cap-drop",
        "ALL",
        "--security-opt",
        "no-new-privileges",
        "--user",
        "65534:65534",
        "--memory",
        String(EGRESS_LIMITS.memoryBytes),
        "--pids-limit",
        String(EGRESS_LIMITS.pids),
        ...mounts,
        "--entrypoint",
        `/ra/lib${loaderIndex}/${basename(node.loader)}`,
        HOLDER_IMAGE,
        "--library-path",
        node.libDirs.map((_, i) => `/ra/lib${i}`).join(":"),
        "/ra/node",
        "/ra/sock/forward.mjs",
      ],
      { reject: false, stdin: "ignore", timeout: 60_000 },
    );
    if (run.exitCode !== 0) throw new Error(String(run.stderr).trim().split("\n").pop());
    const deadline = Date.now() + EGRESS_LIMITS.readyMs;
    for (;;) {
      const logs = await execa(engine.bin, ["logs", name], { reject: false, stdin: "ignore", timeout: INSPECT_MS });
      if (String(logs.stdout).includes("ready")) break;
      if (Date.now() > deadline)
        throw new Error(`the holder did not start: ${String(logs.stderr).trim().split("\n").pop() ?? ""}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    return { egress: null, why: `the egress holder did not start (${(error as Error).message})` };
  }
  const buildArgs = ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"].flatMap((k) => [
    "--build-arg",
    `${k}=${PROXY}`,
  ]);
  return {
    egress: {
      network: `container:${name}`,
      buildArgs: [...buildArgs, "--build-arg", "NO_PROXY=", "--build-arg", "no_proxy="],
      attempts: () => [...attempts.values()],
      stop,
    },
  };
}
