#!/usr/bin/env node
// pnpm check:packages: every published package, packed and checked by package-check.mjs; fails
// naming each package that is not fit to publish and why.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { checkPackage } from "./package-check.mjs";
import { publicPackages } from "./published-packages.mjs";

const CONCURRENCY = 2;

async function main() {
  const packages = await publicPackages();
  const license = readFileSync(join(repoRoot, "LICENSE"));
  const packDir = mkdtempSync(join(tmpdir(), "enfuce-check-packages-"));
  const failures = new Map();
  try {
    const queue = [...packages];
    const worker = async () => {
      for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
        const problems = await checkPackage(pkg.dir, packDir, license).catch((error) => [
          `could not pack: ${error.output ?? error.message}`,
        ]);
        console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${pkg.name}`);
        if (problems.length > 0) failures.set(pkg.name, problems);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  for (const [name, problems] of failures) {
    console.error(`\n${name}:`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  console.log(
    failures.size === 0
      ? `${packages.length} package(s) pass publint and are-the-types-wrong, tarballs hold dist, README, LICENSE and package.json only`
      : `\n${failures.size} of ${packages.length} package(s) are not fit to publish`,
  );
  return failures.size === 0 ? 0 : 1;
}

process.exitCode = await main();
