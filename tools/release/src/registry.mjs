// A throwaway npm registry (Verdaccio) on 127.0.0.1: installed with `npm ci` from registry/ into a
// temporary folder, storage in that folder, no uplinks, anyone may publish. Gone when stopped.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@enfuce-sdk/mock";
import { cleanNpmEnv, run } from "./run.mjs";

const projectDir = join(dirname(fileURLToPath(import.meta.url)), "../registry");
const STARTUP_LIMIT_MS = 60_000;

/** Installs Verdaccio into `dir` (its own npm project, so its tree and overrides stay out of the workspace). */
export async function installRegistry(dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(join(projectDir, file), join(dir, file));
  await run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    env: cleanNpmEnv(),
  });
}

const config = (dir) => `storage: ${join(dir, "storage")}
auth:
  htpasswd:
    file: ${join(dir, "htpasswd")}
    max_users: -1
uplinks: {}
packages:
  "@*/*": { access: $all, publish: $all, unpublish: $all }
  "**": { access: $all, publish: $all, unpublish: $all }
web: { enable: false }
log: { type: stdout, format: pretty, level: warn }
`;

/** @returns {Promise<{url: string, stop: () => Promise<void>}>} url ends with a slash, as npm expects */
export async function startRegistry(dir) {
  const port = await freePort();
  writeFileSync(join(dir, "config.yaml"), config(dir));
  const bin = join(dir, "node_modules/verdaccio/bin/verdaccio");
  const child = spawn(process.execPath, [bin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
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
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${log}`);
    const ping = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    if (ping?.ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`verdaccio did not answer within ${STARTUP_LIMIT_MS} ms:\n${log}`);
}
