// A Node program serving on 127.0.0.1 and a free port, for tests and rehearsals: started, awaited
// until it answers, and stopped for sure. Prism and the rehearsal's Verdaccio both run through it.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const STARTUP_LIMIT_MS = 60_000;

/**
 * Runs `node <script> ...args(port)` and resolves once `probe(url)` answers and `ready(response)` holds.
 * Spawning node on the script itself, not a .bin shim, lets SIGTERM reach the server.
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export async function startLocalServer({ name, script, args, url, probe = url, ready = () => true, cwd, pollMs = 50 }) {
  const port = await freePort();
  const child = spawn(process.execPath, [script, ...args(port)], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
  const base = url(port);
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log}`);
    const response = await fetch(probe(port), { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    if (response && ready(response)) return { url: base, stop };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await stop();
  throw new Error(`${name} did not answer within ${STARTUP_LIMIT_MS} ms:\n${log}`);
}
