// The goals of issue 14 with what this run measured, as the Markdown table the root README carries
// (paste it there with the date). Each ratio comes from this run's own baselines; nothing here
// asserts a time.
import { kb } from "./sizes.mjs";
import { ratioText } from "./stats.mjs";

const OURS = "@enfuce-sdk (retries, timeouts)";
const MIDDLEWARE = "@enfuce-sdk, a middleware (through a Request)";
const CHECKED = '@enfuce-sdk, validateResponses: "warn"';
const UNDICI_FIRST = "@enfuce-sdk/card, undici imported first (as before lazy loading)";
const RECEIVERS = ["@enfuce-sdk/authorisation-control (handler)", "@enfuce-sdk/notification (handler)"];

const met = (ok) => (ok ? "yes" : "**no**");
const ms = (value) => `${value >= 0 ? "+" : ""}${value.toFixed(1)} ms`;

export function printGoals({ throughput, startup, sizes, installSizes, receivers }) {
  const ratio = (mode, client) =>
    throughput.find((row) => row.mode === mode && row.client === client)?.ratio ?? Number.NaN;
  const start = (format, contender) => startup.find((row) => row.format === format && row.contender === contender);
  const install = (name) => installSizes.find((row) => row.name === name);
  const rows = [];
  for (const format of ["esm", "cjs"]) {
    const card = start(format, "@enfuce-sdk/card");
    rows.push([
      `Cold start, ${format.toUpperCase()}: import @enfuce-sdk/card + create, vs openapi-fetch`,
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
      `First request, ${format.toUpperCase()}: import to first answer (undici loaded up front: ${eager.toFixed(1)} ms)`,
      "no worse",
      `${lazy.toFixed(1)} ms`,
      met(lazy <= eager * 1.05),
    ]);
  }
  rows.push([
    "Throughput, sequential, vs raw fetch (retries and timeouts on)",
    ">= 1.5x",
    `${ratio("sequential", OURS).toFixed(2)}x`,
    met(ratio("sequential", OURS) >= 1.5),
  ]);
  rows.push([
    "Throughput, 32 in flight, vs raw fetch",
    ">= 2.0x",
    `${ratio("32 in flight", OURS).toFixed(2)}x`,
    met(ratio("32 in flight", OURS) >= 2),
  ]);
  rows.push([
    "With a middleware (every attempt through a Request): sequential / 32 in flight",
    "reported",
    `${ratio("sequential", MIDDLEWARE).toFixed(2)}x / ${ratio("32 in flight", MIDDLEWARE).toFixed(2)}x`,
    "-",
  ]);
  rows.push([
    'Answers checked against the spec (validateResponses: "warn"): sequential / 32 in flight',
    "reported",
    `${ratio("sequential", CHECKED).toFixed(2)}x / ${ratio("32 in flight", CHECKED).toFixed(2)}x`,
    "-",
  ]);
  rows.push([
    "ESM entry min+gzip without undici: @enfuce-sdk/card / openapi-fetch",
    "reported",
    `${kb(sizes["@enfuce-sdk/card"].gzip)} / ${kb(sizes["openapi-fetch"].gzip)}`,
    "-",
  ]);
  const card = install("@enfuce-sdk/card");
  const bare = install("openapi-fetch");
  rows.push([
    "Install size with dependencies: @enfuce-sdk/card / openapi-fetch",
    "reported; CI checks bundle sizes",
    `${kb(card.bytes)} (${card.packages} packages) / ${kb(bare.bytes)} (${bare.packages})`,
    "-",
  ]);
  rows.push([
    "Receiver throughput vs a bare node:http JSON server",
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
    "The same receiver with `decisions: false` (no decision memory): throughput / p99 vs the bare server",
    receivers.withoutDecisions,
  );
  besideIt(
    "The same receiver, its code building a new decision object per call (checked and written every time): throughput / p99",
    receivers.builtPerCall,
  );

  console.log(`\nGoals (issue 14), measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}:\n`);
  console.log("| goal | target | measured | met |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}
