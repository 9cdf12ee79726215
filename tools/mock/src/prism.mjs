// Starts Stoplight Prism for one spec on 127.0.0.1 and a free port, and waits until it answers.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const prismDir = dirname(require.resolve("@stoplight/prism-cli/package.json"));
const prismBin = join(prismDir, JSON.parse(readFileSync(join(prismDir, "package.json"), "utf8")).bin.prism);

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

/** @returns {Promise<{url: string, stop: () => Promise<void>}>} */
export async function startPrism(specFile) {
  const port = await freePort();
  // Spawning node on prism's entry (not the .bin shim) lets SIGTERM reach prism itself.
  const child = spawn(
    process.execPath,
    [prismBin, "mock", specFile, "-h", "127.0.0.1", "-p", String(port), "--errors", "false"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode} for ${specFile}:\n${stderr}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return { url, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await stop();
  throw new Error(`prism did not answer within ${STARTUP_LIMIT_MS} ms for ${specFile}:\n${stderr}`);
}
