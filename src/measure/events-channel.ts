// The hook's events reach the host through a unix socket the host owns: nothing the training can rewrite, replace
// with a FIFO or point at a host file. Each line is stamped with the host's clock on arrival; sizes are capped.
import { chmod, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";

export const SOCKET_NAME = "events.sock";

/** One JSON line as it reached the host. */
export interface HookLine {
  /** Host unix seconds when the line arrived. */
  arrived: number;
  /** Which connection (one per Python process the hook ran in) sent it. */
  conn: number;
  record: Record<string, unknown>;
}

export interface ChannelCaps {
  /** Bytes read in all (more is read and dropped, so a writer never blocks on us). */
  maxBytes: number;
  maxConnections: number;
  /** A longer line is dropped as bad. */
  maxLineBytes: number;
}

const DEFAULT_CAPS: ChannelCaps = { maxBytes: 16 * 1024 * 1024, maxConnections: 256, maxLineBytes: 64 * 1024 };

export interface ChannelStats {
  bytes: number;
  droppedBytes: number;
  connections: number;
  refused: number;
  /** Lines that were not one JSON object, or too long. */
  badLines: number;
}

export interface EventsChannel {
  /** The socket's path on this host (inside `dir`). */
  path: string;
  lines: HookLine[];
  stats: ChannelStats;
  /** The longest the host's own event loop was held up while the channel was open (seconds): lines read late then
   * were late by the host's doing, not the sender's. */
  maxStallSeconds(): number;
  /** Waits up to `drainMs` for the connections to end, then stops listening and removes the socket. */
  close(drainMs?: number): Promise<void>;
}

/** Listens on `dir`/events.sock, readable and writable by any user (the container runs as uid 1000). */
export async function openEventsChannel(dir: string, caps: ChannelCaps = DEFAULT_CAPS): Promise<EventsChannel> {
  const path = join(dir, SOCKET_NAME);
  const lines: HookLine[] = [];
  const stats: ChannelStats = { bytes: 0, droppedBytes: 0, connections: 0, refused: 0, badLines: 0 };
  const open = new Set<Socket>();
  const accept = (socket: Socket) => {
    if (stats.connections >= caps.maxConnections) {
      stats.refused += 1;
      socket.destroy();
      return;
    }
    const conn = stats.connections++;
    open.add(socket);
    let pending = "";
    socket.on("data", (chunk: Buffer) => {
      const arrived = Date.now() / 1000;
      if (stats.bytes >= caps.maxBytes) return void (stats.droppedBytes += chunk.length);
      stats.bytes += chunk.length;
      const parts = (pending + chunk.toString("utf8")).split("\n");
      pending = parts.pop() ?? "";
      if (pending.length > caps.maxLineBytes) ((stats.badLines += 1), (pending = ""));
      for (const text of parts) keep(text, arrived, conn);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => open.delete(socket));
  };
  const keep = (text: string, arrived: number, conn: number) => {
    if (!text.trim()) return;
    if (text.length > caps.maxLineBytes) return void (stats.badLines += 1);
    try {
      const record: unknown = JSON.parse(text);
      if (record && typeof record === "object" && !Array.isArray(record))
        lines.push({ arrived, conn, record: record as Record<string, unknown> });
      else stats.badLines += 1;
    } catch {
      stats.badLines += 1;
    }
  };
  const TICK_MS = 100;
  let lastTick = performance.now();
  let maxStall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, (now - lastTick - TICK_MS) / 1000);
    lastTick = now;
  }, TICK_MS);
  ticker.unref();
  const server: Server = createServer(accept);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o666);
  return {
    path,
    lines,
    stats,
    maxStallSeconds: () => maxStall,
    async close(drainMs = 500) {
      clearInterval(ticker);
      const deadline = Date.now() + drainMs;
      while (open.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true }).catch(() => undefined);
    },
  };
}
