// A real redis-server (Debian's package) on 127.0.0.1 and a free port, saving nothing to disk, for
// the Redis tests and the bench: started, awaited until it answers PING, stopped for sure, and
// restartable on the same port (empty, as a Redis without persistence after a crash).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { freePort } from "./local-server.mjs";
import { programInstalled } from "./system-program.mjs";

export const REDIS_INSTALL_HINT = "apt-get update && apt-get install -y redis-server";
const STARTUP_LIMIT_MS = 10_000;

export const redisServerInstalled = () => programInstalled("redis-server");

/** Resolves true once the server on `port` answers PING with PONG, false on any failure. */
function pong(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let reply = "";
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

/**
 * @returns {Promise<{port: number, url: string, start: () => Promise<void>, stop: () => Promise<void>}>}
 *   a running server; `stop` kills it (everything it held is gone), `start` runs it again on the same port
 */
export async function startRedisServer() {
  const port = await freePort();
  let child;
  let log = "";
  const server = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child = started;
      const keep = (chunk) => {
        log = (log + chunk.toString("utf8")).slice(-4000);
      };
      started.stdout.on("data", keep);
      started.stderr.on("data", keep);
      const deadline = Date.now() + STARTUP_LIMIT_MS;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}:\n${log}`);
        if (await pong(port)) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await server.stop();
      throw new Error(`redis-server did not answer within ${STARTUP_LIMIT_MS} ms:\n${log}`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = once(running, "exit");
      running.kill("SIGKILL");
      await exited;
    },
  };
  await server.start();
  return server;
}
