// What each published package costs a bundle: its ESM entry with every dependency, minified and
// gzipped, and how much of that is undici.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function publishedPackages(packagesDir) {
  const found = [];
  for (const dir of (await readdir(packagesDir)).sort()) {
    const manifest = JSON.parse(await readFile(join(packagesDir, dir, "package.json"), "utf8").catch(() => "{}"));
    if (manifest.name && !manifest.private && manifest.module)
      found.push({ name: manifest.name, entry: join(packagesDir, dir, manifest.module) });
  }
  return found;
}

async function measure(entry) {
  const { outputFiles, metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    // An optional peer dependency is the application's choice, not a cost of the package.
    external: ["@opentelemetry/api"],
    logLevel: "silent",
  });
  const code = outputFiles[0].contents;
  const inputs = Object.values(metafile.outputs)[0].inputs;
  const undici = Object.entries(inputs)
    .filter(([path]) => path.includes("node_modules/undici/"))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, undici };
}

export async function reportSizes(packagesDir) {
  const rows = [];
  for (const { name, entry } of await publishedPackages(packagesDir)) {
    const size = await measure(entry);
    rows.push({ package: name, min: kb(size.min), "min+gzip": kb(size.gzip), "undici (min)": kb(size.undici) });
  }
  console.log("\nESM entry (dist/index.mjs) bundled with its dependencies by esbuild, minified, gzip -9:");
  console.table(rows);
}
