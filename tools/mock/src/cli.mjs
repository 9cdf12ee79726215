#!/usr/bin/env node
// pnpm mock [domain...]: Prism for every spec with paths (or the ones named), until Ctrl-C.
import { listDomains } from "@enfuce-sdk/workspace";
import { hasPaths, startMock } from "./index.mjs";

const named = process.argv.slice(2);
const domains = (named.length > 0 ? named : listDomains()).filter(hasPaths).sort();
console.log(`starting Prism for ${domains.length} spec(s)...`);
const mock = await startMock(domains);
for (const [domain, url] of Object.entries(mock.urls)) console.log(`${domain.padEnd(26)} ${url}`);
console.log("Ctrl-C stops them.");
const shutdown = async () => {
  await mock.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
