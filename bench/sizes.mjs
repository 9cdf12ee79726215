// What each published package costs a bundle: its ESM entry with its dependencies, minified and
// gzipped, without the transport (undici, loaded with the first request), without the optional
// OpenTelemetry peer and without the package's `validators` entry (loaded only by a client that
// checks answers, validateResponses); openapi-fetch on its own for comparison. size-limit.mjs checks the same
// numbers against bench/size-limits.json in CI.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

export async function publishedPackages(packagesDir) {
  const found = [];
  for (const dir of (await readdir(packagesDir)).sort()) {
    const manifest = JSON.parse(await readFile(join(packagesDir, dir, "package.json"), "utf8").catch(() => "{}"));
    if (manifest.name && !manifest.private && manifest.module)
      found.push({ name: manifest.name, entry: join(packagesDir, dir, manifest.module) });
  }
  return found;
}

/** Minified and gzipped bytes of `entry` bundled by esbuild, the transport, optional peers and validators left out. */
export async function measure(entry) {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    external: ["undici", "@opentelemetry/api", "./validators.mjs"],
    logLevel: "silent",
  });
  const code = outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function reportSizes(packagesDir, installSizes = []) {
  const openApiFetch = await measure(
    createRequire(import.meta.url)
      .resolve("openapi-fetch")
      .replace(/\.cjs$/, ".mjs"),
  );
  const rows = [
    { package: "openapi-fetch 0.17.0 (for comparison)", min: kb(openApiFetch.min), "min+gzip": kb(openApiFetch.gzip) },
  ];
  const measured = { "openapi-fetch": openApiFetch };
  for (const { name, entry } of await publishedPackages(packagesDir)) {
    const size = await measure(entry);
    measured[name] = size;
    rows.push({ package: name, min: kb(size.min), "min+gzip": kb(size.gzip) });
  }
  console.log(
    "\nESM entry (dist/index.mjs) bundled with its dependencies by esbuild, minified, gzip -9; undici (the transport) and the validators entry left out:",
  );
  console.table(rows);
  if (installSizes.length) {
    console.log("\nInstall size (npm, from the packed packages): the package and every dependency it installs");
    console.table(installSizes.map(({ name, bytes, packages }) => ({ install: name, size: kb(bytes), packages })));
  }
  return measured;
}
