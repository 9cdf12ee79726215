// Starts Stoplight Prism for one spec on 127.0.0.1 and a free port, and waits until it answers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { startLocalServer } from "@enfuce-sdk/workspace";

const require = createRequire(import.meta.url);
const prismDir = dirname(require.resolve("@stoplight/prism-cli/package.json"));
const prismBin = join(prismDir, JSON.parse(readFileSync(join(prismDir, "package.json"), "utf8")).bin.prism);

/** Any HTTP answer means Prism is up. @returns {Promise<{url: string, stop: () => Promise<void>}>} */
export function startPrism(specFile) {
  return startLocalServer({
    name: `prism for ${specFile}`,
    script: prismBin,
    args: (port) => ["mock", specFile, "-h", "127.0.0.1", "-p", String(port), "--errors", "false"],
    url: (port) => `http://127.0.0.1:${port}`,
  });
}
