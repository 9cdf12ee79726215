// A local server is started, awaited until it answers, and stopped for sure; one that dies or never
// answers fails with its own output.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startLocalServer } from "../src/local-server.mjs";

const dir = mkdtempSync(join(tmpdir(), "enfuce-local-server-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (name, source) => {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
};
const server = script(
  "server.mjs",
  `import { createServer } from "node:http";
createServer((req, res) => res.writeHead(req.url === "/ready" ? 200 : 404).end("hello")).listen(Number(process.argv[2]), "127.0.0.1");`,
);
const url = (port) => `http://127.0.0.1:${port}`;

describe("startLocalServer", () => {
  it("resolves once the server answers, and stops it", async () => {
    const started = await startLocalServer({
      name: "test server",
      script: server,
      args: (port) => [String(port)],
      url,
    });
    expect(await (await fetch(started.url)).text()).toBe("hello");
    await started.stop();
    await expect(fetch(started.url)).rejects.toThrow();
    await started.stop();
  });

  it("waits for its readiness check", async () => {
    const started = await startLocalServer({
      name: "test server",
      script: server,
      args: (port) => [String(port)],
      url,
      probe: (port) => `${url(port)}/ready`,
      ready: (response) => response.ok,
    });
    expect((await fetch(`${started.url}/ready`)).status).toBe(200);
    await started.stop();
  });

  it("fails with the program's own output when it exits", async () => {
    const crashing = script("crash.mjs", `console.error("no spec here"); process.exit(3);`);
    await expect(startLocalServer({ name: "crashing", script: crashing, args: () => [], url })).rejects.toThrow(
      /crashing exited with 3:\nno spec here/,
    );
  });
});

describe("freePort", () => {
  it("gives a port nothing listens on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(fetch(url(port))).rejects.toThrow();
  });
});
