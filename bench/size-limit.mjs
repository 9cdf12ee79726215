// CI's size check: every published package's ESM entry, measured as `pnpm bench` reports it
// (sizes.mjs), must stay within its limit in size-limits.json ("*" for a package not listed yet). A
// regression fails with the numbers; raise a limit on purpose, in the same commit as the growth it
// allows.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { kb, measure, publishedPackages } from "./sizes.mjs";

const limits = JSON.parse(readFileSync(new URL("./size-limits.json", import.meta.url), "utf8"));
const failures = [];
const rows = [];
for (const { name, entry } of await publishedPackages(fileURLToPath(new URL("../packages", import.meta.url)))) {
  const { gzip } = await measure(entry);
  const limit = limits[name] ?? limits["*"];
  if (gzip > limit * 1024) failures.push(`${name}: ${kb(gzip)} min+gzip is over its limit of ${limit.toFixed(1)} kB`);
  rows.push({ package: name, "min+gzip": kb(gzip), limit: `${limit.toFixed(1)} kB` });
}
console.table(rows);
if (failures.length) {
  console.error(`size limits exceeded:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`all ${rows.length} packages within their size limits`);
