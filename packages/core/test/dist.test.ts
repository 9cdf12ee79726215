// The built package in a fresh Node process, ESM and CJS: nothing of the HTTP client is loaded until
// the first request, and a script ends on its own after its calls (idle kept-alive sockets do not
// hold it).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { closeServers, json, serve } from "./support/serve";

afterEach(closeServers);

const spec = { domain: "test", serverUrl: "https://api.example", operations: {} };
const clientOptions = { credentials: { username: "user", password: "dist-secret" }, auditUser: "tester" };

it.each([
  ["ESM", "module", "const { createEnfuceClient } = await import(BUILD);", "../dist/index.mjs"],
  ["CJS", "commonjs", "const { createEnfuceClient } = require(BUILD);", "../dist/index.js"],
])(
  "%s build: undici and openapi-fetch load on first use, not before; the script then exits on its own",
  async (_name, inputType, load, file) => {
    const { url } = await serve((_req, res) => json(res, 200, { ok: true }));
    const built = JSON.stringify(fileURLToPath(new URL(file, import.meta.url)));
    // undici is CommonJS, so it shows in require.cache whichever way our build was loaded; openapi-fetch
    // does in the CJS build (its ESM build is an ES module, which has no inspectable cache).
    const script = `(async () => {
      const cache = process.getBuiltinModule("node:module").createRequire(${built}).cache;
      const loaded = () => ["/undici/", "/openapi-fetch/"].filter((name) => Object.keys(cache).some((path) => path.includes(name)));
      ${load.replace("BUILD", built)}
      const client = createEnfuceClient(${JSON.stringify({ ...clientOptions, baseUrl: url })}, ${JSON.stringify(spec)});
      const beforeCall = loaded();
      const { data } = await client.GET("/ping");
      const afterCall = loaded();
      client.use({ onRequest() {} });
      await client.GET("/ping");
      console.log(JSON.stringify({ beforeCall, afterCall, withMiddleware: loaded(), data }));
    })();`;
    const child = spawn(process.execPath, [`--input-type=${inputType}`, "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    const openApiFetch = inputType === "commonjs" ? ["/openapi-fetch/"] : [];
    expect(JSON.parse(output)).toEqual({
      beforeCall: [],
      afterCall: ["/undici/"],
      withMiddleware: ["/undici/", ...openApiFetch],
      data: { ok: true },
    });
  },
  // A fresh Node process loading the build: seconds on a busy 2-core machine.
  60_000,
);
