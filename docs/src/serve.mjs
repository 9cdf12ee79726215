#!/usr/bin/env node
// Serves the built site (docs/dist) on 127.0.0.1: `pnpm run docs:serve [-- --port 4173]`.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sirv from "sirv";
import { distDir } from "./paths.mjs";

/** @returns {import("node:http").Server} listening on 127.0.0.1 and `port` (0: a free one) */
export function serveSite(port = 0, dir = distDir) {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`${dir} holds no built site: run \`pnpm run docs\` first`);
  const files = sirv(dir, { extensions: ["html"], dev: true });
  const server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      response.end("not found");
    }),
  );
  return server.listen(port, "127.0.0.1");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf("--port");
  const server = serveSite(flag === -1 ? 4173 : Number(process.argv[flag + 1]));
  server.on("listening", () => console.info(`docs: http://127.0.0.1:${server.address().port}/ (Ctrl-C stops)`));
  server.on("error", (error) => {
    console.error(`docs: ${error.message}`);
    process.exitCode = 1;
  });
}
