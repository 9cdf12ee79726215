// Mock servers for the specs: one Prism per domain (Prism serves one document per instance).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { startPrism } from "./prism.mjs";

export { freePort, startLocalServer } from "./local-server.mjs";
export { startPrism } from "./prism.mjs";

export const specsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../specs");
export const specFile = (domain) => join(specsDir, `${domain}.yaml`);

/** Whether a spec has client-facing paths to mock (webhook-only specs have none). */
export const hasPaths = (domain) => Object.keys(parse(readFileSync(specFile(domain), "utf8")).paths ?? {}).length > 0;

/**
 * Starts one Prism per domain, in parallel.
 * @returns {Promise<{urls: Record<string, string>, stop: () => Promise<void>}>}
 */
export async function startMock(domains) {
  const started = await Promise.allSettled(domains.map((domain) => startPrism(specFile(domain))));
  const stop = () =>
    Promise.all(started.filter((s) => s.status === "fulfilled").map((s) => s.value.stop())).then(() => {});
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const urls = Object.fromEntries(domains.map((domain, index) => [domain, started[index].value.url]));
  return { urls, stop };
}
