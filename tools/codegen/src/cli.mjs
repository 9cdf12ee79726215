#!/usr/bin/env node
// enfuce-codegen: generate | check | lint [spec files...]
import { resolve } from "node:path";
import { checkGenerated, generateAll } from "./generate.mjs";
import { lintSpec } from "./lint.mjs";
import { listDomains, specPath } from "./paths.mjs";
import { SpecError } from "./spec-problems.mjs";

const USAGE = `usage: enfuce-codegen <command>
  generate [domain...]  regenerate packages from specs/*.yaml (scaffolds missing packages)
  check [domain...]     fail, naming the stale files, when generated code differs from the specs
  lint [files...]    lint specs (Redocly, redocly.yaml) and validate every example`;

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

async function main([command, ...args]) {
  switch (command) {
    case "lint":
      return runLint(args);
    case "generate":
      await generateAll(args);
      return 0;
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
