// The built package, ESM and CJS, as a user installs it: it names itself in the User-Agent with the
// versions in the package.json files, written in at build time (tsup.base.ts), so a release needs
// no other edit.
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const versionOf = (packageJson: string) => JSON.parse(readFileSync(packageJson, "utf8")).version as string;
const instalmentVersion = versionOf(new URL("../package.json", import.meta.url).pathname);
const coreVersion = versionOf(require.resolve("@enfuce-sdk/core/package.json"));

const received: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  received.push(request.headers);
  // A member the spec does not document, for the response checks.
  const body = request.url?.startsWith("/instalment/v1/drifted?")
    ? '{"id":"678543","colour":"red"}'
    : '{"id":"678543"}';
  response.writeHead(200, { "content-type": "application/json", "x-request-id": "built-1" }).end(body);
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/instalment`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Built = typeof import("../src");
const builds: [string, () => Promise<Built>][] = [
  ["ESM", () => import("../dist/index.mjs") as Promise<Built>],
  ["CJS", async () => require("../dist/index.js") as Built],
];

describe.each(builds)("the %s build", (_, load) => {
  it("sends enfuce-sdk/<core> instalment/<package> node/<version> and the application, and returns the request id", async () => {
    const { createInstalmentClient } = await load();
    const client = createInstalmentClient({
      baseUrl,
      credentials: { username: "u", password: "p" },
      auditUser: "built-package",
      appInfo: { name: "acme-sync", version: "3.0.0" },
    });

    const result = await client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } });

    expect(result).toMatchObject({ data: { id: "678543" }, requestId: "built-1" });
    expect(received.at(-1)?.["user-agent"]).toBe(
      `enfuce-sdk/${coreVersion} instalment/${instalmentVersion} node/${process.versions.node} acme-sync/3.0.0`,
    );
    expect(coreVersion).not.toBe("0.0.0-dev");
  });

  it("loads its own validators entry for validateResponses and reports drift", async () => {
    const { createInstalmentClient } = await load();
    const drifts: unknown[] = [];
    const client = createInstalmentClient({
      baseUrl,
      credentials: { username: "u", password: "p" },
      auditUser: "built-package",
      logLevel: "off",
      validateResponses: "warn",
      onDrift: (drift) => drifts.push(drift),
    });

    await client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "drifted" } } });

    expect(drifts).toEqual([expect.objectContaining({ pointer: "/colour", kind: "unknown-member" })]);
  });
});
