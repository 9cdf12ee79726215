#!/usr/bin/env node
// enfuce-codegen: generate | check | lint | bump
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { listDomains, specPath } from "@enfuce-sdk/workspace";
import { proposeBumps, writeProposals } from "./bump.mjs";
import { checkGenerated, generateAll } from "./generate.mjs";
import { lintSpec } from "./lint.mjs";
import { SpecError } from "./spec-problems.mjs";

const USAGE = `usage: enfuce-codegen <command>
  generate [domain...]  regenerate packages from specs/*.yaml (scaffolds missing packages);
                        without domains, then runs bump
  check [domain...]     fail, naming the stale files, when generated code differs from the specs
  lint [files...]    lint specs (Redocly, redocly.yaml) and validate every example
  bump [--base <dir>] [domain...]
                        compare each spec with its committed version (or with the specs in <dir>),
                        propose the semantic bump of its package and write a changeset for it
                        unless .changeset/ already releases that package`;

async function runLint(files) {
  const targets = files.length > 0 ? files.map((file) => resolve(file)) : listDomains().map(specPath);
  let failed = false;
  for (const file of targets) {
    const { errors, warnings } = await lintSpec(file);
    for (const warning of warnings) console.warn(`warning ${warning}`);
    for (const error of errors) console.error(`error   ${error}`);
    failed ||= errors.length > 0;
  }
  console.log(failed ? "spec lint failed" : `${targets.length} spec(s) passed lint and example validation`);
  return failed ? 1 : 0;
}

async function runBump(args) {
  const baseAt = args.indexOf("--base");
  const baseDir = baseAt === -1 ? undefined : resolve(args[baseAt + 1] ?? "");
  const domains = baseAt === -1 ? args : args.filter((_, index) => index !== baseAt && index !== baseAt + 1);
  if (baseDir && !existsSync(baseDir)) throw new Error(`--base ${baseDir}: no such folder`);
  writeProposals(await proposeBumps({ domains, baseDir }));
  return 0;
}

async function main([command, ...args]) {
  switch (command) {
    case "lint":
      return runLint(args);
    case "generate":
      await generateAll(args);
      // `pnpm generate` is when a spec edit becomes a package change: say which, and how big. Not
      // for the per-package runs turbo makes while building, which must leave .changeset/ alone.
      if (args.length === 0) {
        await proposeBumps().then(writeProposals, (error) => console.warn(`no bump proposal: ${error.message}`));
      }
      return 0;
    case "bump":
      return runBump(args);
    case "check":
      return (await checkGenerated(args)) ? 0 : 1;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof SpecError) {
      console.error(`spec error, nothing was generated:\n${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
