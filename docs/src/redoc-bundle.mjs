// Copies Redoc's standalone bundle into the site. Its sidebar footer loads the Redocly logo from a
// CDN unconditionally (no option turns it off), so the copy points that one image at our own logo;
// the build fails if the bundle ever refers to anything else outside the site.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const LOCAL_LOGO = "/logo.svg";

export function copyRedocBundle(outDir) {
  const bundles = join(dirname(createRequire(import.meta.url).resolve("redoc/package.json")), "bundles");
  const source = readFileSync(join(bundles, "redoc.standalone.js"), "utf8");
  if (source.split(REDOCLY_LOGO).length !== 2) {
    throw new Error(`redoc.standalone.js no longer loads ${REDOCLY_LOGO} exactly once: check what this Redoc fetches`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "redoc.standalone.js"), source.replace(REDOCLY_LOGO, LOCAL_LOGO));
  copyFileSync(join(bundles, "redoc.standalone.js.LICENSE.txt"), join(outDir, "redoc.standalone.js.LICENSE.txt"));
}
