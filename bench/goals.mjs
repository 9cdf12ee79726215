// The goals of issue 14 with what this run measured, as the Markdown table the root README carries
// (paste it there with the date). Each ratio comes from this run's own baselines; nothing here
// asserts a time.
import { kb } from "./sizes.mjs";
import { ratioText } from "./stats.mjs";

const OURS = "@enfuce-sdk (retries, timeouts)";
const MIDDLEWARE = "@enfuce-sdk, a middleware (through a Request)";
const TRACED = "@enfuce-sdk, tracing on";
const CHECKED = '@enfuce-sdk, validateResponses: "warn"';
const UNDICI_FIRST = "@enfuce-sdk/card, undici imported first (as before lazy loading)";
const RECEIVERS = ["@enfuce-sdk/authorisation-control (handler)", "@enfuce-sdk/notification (handler)"];

const met = (ok) => (ok ? "yes" : "**no**");
const ms = (value, digits = 1) => `${value >= 0 ? "+" : ""}${value.toFixed(digits)} ms`;

/**
 * `redisAdds` is undefined when redis-server is not installed (that bench says so and skips);
 * the other results are always there.
 */
export function printGoals({ throughput, startup, sizes, installSizes, receivers, redisAdds, sandbox }) {
  const ratio = (mode, client) =>
    throughput.find((row) => row.mode === mode && row.client === client)?.ratio ?? Number.NaN;
  const start = (format, contender) => startup.find((row) => row.format === format && row.contender === contender);
  const install = (name) => installSizes.find((row) => row.name === name);
  const rows = [];
  for (const format of ["esm", "cjs"]) {
    const card = start(format, "@enfuce-sdk/card");
    rows.push([
      `Cold start, ${format.toUpperCase()}: import \`@enfuce-sdk/card\` + create, vs openapi-fetch`,
      "<= +15 ms",
      ms(card.overOpenApiFetch),
      met(card.overOpenApiFetch <= 15),
    ]);
  }
  const receiverLoads = RECEIVERS.flatMap((name) => ["esm", "cjs"].map((format) => start(format, name).http)).flat();
  rows.push([
    "Receivers (authorisation control, notification), ESM and CJS: HTTP client modules loaded",
    "none",
    receiverLoads.length ? [...new Set(receiverLoads)].join(", ") : "none",
    met(receiverLoads.length === 0),
  ]);
  for (const format of ["esm", "cjs"]) {
    const lazy = start(format, "@enfuce-sdk/card").first;
    const eager = start(format, UNDICI_FIRST).first;
    rows.push([
      `First request, ${format.toUpperCase()}: import to first answer, vs undici loaded up front (${eager.toFixed(1)} ms)`,
      "no worse",
      `${lazy.toFixed(1)} ms`,
      met(lazy <= eager * 1.05),
    ]);
  }
  rows.push([
    "Throughput, sequential, vs raw `fetch` (retries and timeouts on, no middleware)",
    ">= 1.5x",
    `${ratio("sequential", OURS).toFixed(2)}x`,
    met(ratio("sequential", OURS) >= 1.5),
  ]);
  rows.push([
    "Throughput, 32 in flight, vs raw `fetch`",
    ">= 2.0x",
    `${ratio("32 in flight", OURS).toFixed(2)}x`,
    met(ratio("32 in flight", OURS) >= 2),
  ]);
  rows.push([
    "With a middleware (every attempt through a WHATWG `Request`): sequential / 32 in flight",
    "reported",
    `${ratio("sequential", MIDDLEWARE).toFixed(2)}x / ${ratio("32 in flight", MIDDLEWARE).toFixed(2)}x`,
    "-",
  ]);
  rows.push([
    "Tracing on (OpenTelemetry SDK, spans recorded and discarded): sequential / 32 in flight",
    "reported",
    `${ratio("sequential", TRACED).toFixed(2)}x / ${ratio("32 in flight", TRACED).toFixed(2)}x`,
    "-",
  ]);
  rows.push([
    '`validateResponses: "warn"`: sequential / 32 in flight',
    "reported",
    `${ratio("sequential", CHECKED).toFixed(2)}x / ${ratio("32 in flight", CHECKED).toFixed(2)}x`,
    "-",
  ]);
  rows.push([
    "ESM entry min+gzip without the transport: `@enfuce-sdk/card` / openapi-fetch",
    "reported",
    `${kb(sizes["@enfuce-sdk/card"].gzip)} / ${kb(sizes["openapi-fetch"].gzip)}`,
    "-",
  ]);
  const card = install("@enfuce-sdk/card");
  const bare = install("openapi-fetch");
  rows.push([
    "Install size with dependencies: `@enfuce-sdk/card` / openapi-fetch",
    "reported",
    `${kb(card.bytes)} (${card.packages} packages) / ${kb(bare.bytes)} (${bare.packages})`,
    "-",
  ]);
  rows.push([
    "Receiver throughput vs a bare node:http JSON server (authorisation control answering a frozen decision, decisions retained in memory)",
    ">= 0.95x",
    ratioText(receivers.throughputRatio, 0.95),
    met(receivers.throughputRatio >= 0.95),
  ]);
  rows.push([
    "Receiver p99 latency vs the bare server",
    "<= 1.0x",
    ratioText(receivers.p99Ratio, 1),
    met(receivers.p99Ratio <= 1),
  ]);
  const besideIt = (name, { throughputRatio, p99Ratio }) =>
    rows.push([name, "reported", `${throughputRatio.toFixed(2)}x / ${p99Ratio.toFixed(2)}x`, "-"]);
  besideIt(
    "A second bare server, the same code in its own process: throughput / p99 vs the first (how far identical servers differ in this run)",
    receivers.control,
  );
  besideIt(
    "The same receiver with `decisions: false` (no decision memory): throughput / p99 vs the bare server",
    receivers.withoutDecisions,
  );
  besideIt(
    "The same receiver, its code building a new decision object per call: throughput / p99 vs the bare server",
    receivers.builtPerCall,
  );
  if (redisAdds) {
    const { authorisation, notification } = redisAdds;
    rows.push([
      "Redis store added to a receiver's p99 (authorisation / notification)",
      "<= 1 ms",
      `${ms(authorisation, 2)} / ${ms(notification, 2)}`,
      met(authorisation <= 1 && notification <= 1),
    ]);
  } else {
    rows.push(["Redis store added to a receiver's p99", "<= 1 ms", "not measured: redis-server not installed", "-"]);
  }
  rows.push([
    "Sandbox: `createSandbox()` to its first answer / GETs per second through `sandbox.fetch` with a client",
    "< 50 ms / >= 5,000",
    `${sandbox.startMs.toFixed(1)} ms / ${sandbox.perSecond.toLocaleString("en")} (${sandbox.vsPrism.toFixed(1)}x Prism)`,
    met(sandbox.startMs < 50 && sandbox.perSecond >= 5000),
  ]);

  console.log(`\nGoals (issue 14), measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}:\n`);
  console.log("| goal | target | measured | met |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}
