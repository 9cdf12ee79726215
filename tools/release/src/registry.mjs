// A throwaway npm registry (Verdaccio) on 127.0.0.1: installed with `npm ci` from registry/ into a
// temporary folder, storage in that folder, no uplinks, anyone may publish. Gone when stopped.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalServer } from "@enfuce-sdk/workspace";
import { cleanNpmEnv, run } from "./run.mjs";

const projectDir = join(dirname(fileURLToPath(import.meta.url)), "../registry");

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
export function startRegistry(dir) {
  writeFileSync(join(dir, "config.yaml"), config(dir));
  return startLocalServer({
    name: "verdaccio",
    script: join(dir, "node_modules/verdaccio/bin/verdaccio"),
    args: (port) => ["--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`],
    url: (port) => `http://127.0.0.1:${port}/`,
    probe: (port) => `http://127.0.0.1:${port}/-/ping`,
    ready: (response) => response.ok,
    cwd: dir,
    pollMs: 100,
  });
}
