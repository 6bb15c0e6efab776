// Leaderboard files for tests: inline teams pointing at repos the tests made, and a git server that
// accepts connections and never answers (a clone that hangs).
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import yaml from "js-yaml";

export interface TestTeam {
  name: string;
  repo?: string;
  ref?: string;
  co2g?: number;
  entries?: number;
}

/** A leaderboard YAML in `dir`: ranks in the given order, scores falling with rank. */
export function writeLeaderboard(dir: string, teams: TestTeam[], extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "leaderboard.yml");
  const doc = {
    competition: "test-competition",
    runtimeLimitHours: 9,
    minEntries: 3,
    ...extra,
    teams: teams.map((t, i) => ({
      rank: i + 1,
      name: t.name,
      entries: t.entries ?? 10 + i,
      publicScore: Number((0.9 - i * 0.01 + (i % 2 ? 0.004 : -0.003)).toFixed(4)),
      privateScore: Number((0.9 - i * 0.01).toFixed(4)),
      ...(t.repo ? { repo: t.repo } : {}),
      ...(t.ref ? { ref: t.ref } : {}),
      ...(t.co2g !== undefined ? { co2g: t.co2g, source: "test figure" } : {}),
    })),
  };
  writeFileSync(file, yaml.dump(doc));
  return file;
}

/** git:// on loopback that takes the connection and then says nothing. */
export async function silentGitServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `git://127.0.0.1:${port}/silent/solution.git`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
