// Mock servers for the specs: one Prism per domain (Prism serves one document per instance).
import { readFileSync } from "node:fs";
import { hasOperations } from "@enfuce-sdk/codegen";
import { specPath } from "@enfuce-sdk/workspace";
import { parse } from "yaml";
import { startPrism } from "./prism.mjs";

export { startPrism } from "./prism.mjs";

/** Whether a spec has client operations to mock (webhook-only specs have none). Synchronous, for vitest configs. */
export const hasPaths = (domain) => hasOperations(parse(readFileSync(specPath(domain), "utf8")), "paths");

/**
 * Starts one Prism per domain, in parallel.
 * @returns {Promise<{urls: Record<string, string>, stop: () => Promise<void>}>}
 */
export async function startMock(domains) {
  const started = await Promise.allSettled(domains.map((domain) => startPrism(specPath(domain))));
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
