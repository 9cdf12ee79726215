// Cold start and first request, measured the way a user meets them: the packages are packed
// (`pnpm pack`) and installed with npm into a throwaway consumer, beside openapi-fetch and
// stripe-node; each measurement is a fresh Node process that times, from its first line, importing a
// package and creating its client (or webhook handler), then the first answer from a local server.
// Contenders take turns in every round; the report is the median per contender. Nothing is asserted.
import { execFileSync, fork, spawnSync } from "node:child_process";
import { once } from "node:events";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./stats.mjs";

const ROUNDS = 11;
const PACKAGES = ["core", "card", "authorisation-control", "notification"];
const THIRD_PARTY = { "openapi-fetch": "0.17.0", stripe: "23.2.0" };
const repo = fileURLToPath(new URL("..", import.meta.url));

/** A consumer folder with the packed packages and the third-party clients installed by npm. */
function installConsumer() {
  const dir = mkdtempSync(join(tmpdir(), "enfuce-startup-"));
  const tarballs = join(dir, "tarballs");
  mkdirSync(tarballs);
  const dependencies = { ...THIRD_PARTY };
  for (const name of PACKAGES) {
    execFileSync("pnpm", ["pack", "--pack-destination", tarballs], {
      cwd: join(repo, "packages", name),
      stdio: "ignore",
    });
  }
  for (const file of readdirSync(tarballs)) {
    const name = file.replace(/^enfuce-sdk-/, "@enfuce-sdk/").replace(/-\d+\.\d+\.\d+.*\.tgz$/, "");
    dependencies[name] = `file:tarballs/${file}`;
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "ignore" });
  return dir;
}

function bytesUnder(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytesUnder(join(path, entry)), 0);
}

/** Bytes on disk of a package as npm installed it, with every dependency it pulled in. */
function installSize(dir, name) {
  const seen = new Set();
  const visit = (pkg) => {
    if (seen.has(pkg)) return;
    seen.add(pkg);
    const manifest = JSON.parse(readFileSync(join(dir, "node_modules", pkg, "package.json"), "utf8"));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  visit(name);
  const bytes = [...seen].reduce((sum, pkg) => sum + bytesUnder(join(dir, "node_modules", pkg)), 0);
  return { name, bytes, packages: seen.size };
}

const CREDENTIALS = `{ username: "bench", password: "bench-password" }`;
// Each contender: how to load it (ESM and CJS), what to create, and its first call.
const CONTENDERS = [
  {
    name: "openapi-fetch",
    module: "openapi-fetch",
    pick: "default",
    create: (origin) => `load({ baseUrl: "${origin}" })`,
    call: `client.GET("/v4/{id}", { params: { path: { id: "1" } } })`,
  },
  {
    name: "@enfuce-sdk/card",
    module: "@enfuce-sdk/card",
    pick: "createCardClient",
    create: (origin) => `load({ baseUrl: "${origin}", credentials: ${CREDENTIALS}, auditUser: "bench" })`,
    call: `client.GET("/v4/{id}", { params: { path: { id: "1" } } })`,
  },
  {
    name: "@enfuce-sdk/card, undici imported first (as before lazy loading)",
    preload: "undici",
    module: "@enfuce-sdk/card",
    pick: "createCardClient",
    create: (origin) => `load({ baseUrl: "${origin}", credentials: ${CREDENTIALS}, auditUser: "bench" })`,
    call: `client.GET("/v4/{id}", { params: { path: { id: "1" } } })`,
  },
  {
    name: "stripe",
    module: "stripe",
    pick: "default",
    create: (origin) => {
      const { hostname, port } = new URL(origin);
      return `new load("sk_test_bench", { host: "${hostname}", port: ${port}, protocol: "http", maxNetworkRetries: 0 })`;
    },
    call: `client.customers.retrieve("cus_1")`,
  },
  {
    name: "@enfuce-sdk/authorisation-control (handler)",
    module: "@enfuce-sdk/authorisation-control",
    pick: "createAuthorisationControlHandler",
    create: () =>
      `load({ credentials: ${CREDENTIALS}, deadlineMs: 1500, fallback: { transactionData: { responseCode: "05" } }, onAuthorisation: () => ({ transactionData: { responseCode: "00" } }) })`,
  },
  {
    name: "@enfuce-sdk/notification (handler)",
    module: "@enfuce-sdk/notification",
    pick: "createNotificationHandler",
    create: () => `load({ credentials: ${CREDENTIALS}, onNotification: () => {} })`,
  },
];

/** The script one fresh process runs: prints its timings and which HTTP client modules it loaded. */
function script(contender, format, origin) {
  const importLine =
    format === "esm"
      ? `const loaded = await import("${contender.module}");`
      : `const loaded = require("${contender.module}");`;
  const preload = contender.preload
    ? format === "esm"
      ? `await import("${contender.preload}");`
      : `require("${contender.preload}");`
    : "";
  const body = `
    const started = performance.now();
    ${preload}
    ${importLine}
    const load = typeof loaded === "function" ? loaded : loaded.${contender.pick} ?? loaded.default?.${contender.pick};
    const client = ${contender.create(origin)};
    const created = performance.now();
    const cache = Object.keys(process.getBuiltinModule("node:module").createRequire(process.cwd() + "/").cache);
    const http = ["undici", "openapi-fetch"].filter((name) => cache.some((path) => path.includes("/node_modules/" + name + "/")));
    let answered = null;
    ${contender.call ? `await ${contender.call}.catch((error) => { console.error(error); process.exit(1); }); answered = performance.now();` : ""}
    console.log(JSON.stringify({ startMs: created - started, firstAnswerMs: answered && answered - started, http }));`;
  return format === "esm" ? body : `(async () => {${body}})();`;
}

function runOnce(dir, contender, format, origin) {
  const result = spawnSync(
    process.execPath,
    [`--input-type=${format === "esm" ? "module" : "commonjs"}`, "-e", script(contender, format, origin)],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`${contender.name} (${format}) failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

/** Any path answers 200 with a small JSON object, as Enfuce or Stripe would. */
async function startServer() {
  const child = fork(fileURLToPath(new URL("./startup-server.mjs", import.meta.url)));
  const [message] = await once(child, "message");
  return { child, origin: `http://127.0.0.1:${message.port}` };
}

export async function benchStartup() {
  const dir = installConsumer();
  const { child, origin } = await startServer();
  try {
    const rows = [];
    for (const format of ["esm", "cjs"]) {
      const samples = new Map(CONTENDERS.map((contender) => [contender.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (let turn = 0; turn < CONTENDERS.length; turn++) {
          const contender = CONTENDERS[(round + turn) % CONTENDERS.length];
          samples.get(contender.name).push(runOnce(dir, contender, format, origin));
        }
      }
      const baseline = median(samples.get("openapi-fetch").map((sample) => sample.startMs));
      for (const contender of CONTENDERS) {
        const own = samples.get(contender.name);
        const start = median(own.map((sample) => sample.startMs));
        const first = contender.call ? median(own.map((sample) => sample.firstAnswerMs)) : null;
        rows.push({
          format,
          contender: contender.name,
          start,
          overOpenApiFetch: start - baseline,
          first,
          http: own[0].http,
        });
      }
    }
    console.log(
      `\nCold start: a fresh process per sample, packed packages installed by npm, median of ${ROUNDS} rounds (${new Date().toISOString().slice(0, 10)})`,
    );
    console.log(
      "import + create: from the script's first line until the client or handler exists; to first answer: until its first call resolved",
    );
    console.table(
      rows.map((row) => ({
        format: row.format,
        contender: row.contender,
        "import + create (ms)": row.start.toFixed(1),
        "vs openapi-fetch": `${row.overOpenApiFetch >= 0 ? "+" : ""}${row.overOpenApiFetch.toFixed(1)} ms`,
        "to first answer (ms)": row.first === null ? "-" : row.first.toFixed(1),
        "HTTP client loaded at start": row.http.length ? row.http.join(", ") : "none",
      })),
    );
    const installSizes = ["openapi-fetch", "@enfuce-sdk/card", "@enfuce-sdk/authorisation-control", "stripe"].map(
      (name) => installSize(dir, name),
    );
    return { rows, installSizes };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
