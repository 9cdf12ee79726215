#!/usr/bin/env node
// pnpm release:rehearse [--break exports|files|workspace-type] [--keep]
//
// Releases the SDK for real, to a registry of its own: Verdaccio on 127.0.0.1 with temporary
// storage. Run 1 versions a changesets snapshot of a copy of the workspace, publishes every package,
// and has fresh consumer projects (ESM, CommonJS, TypeScript node16 and bundler) install them from
// that registry, type-check and run against the Prism mock. Run 2 adds an operation to a spec,
// lets `enfuce-codegen bump` propose the release, publishes it, and checks that `npm update` gives a
// consumer the new operation, typed. Any failure names the package and the consumer that broke.
// --break applies a deliberate packaging mistake to @enfuce-sdk/instalment first, to show that: the
// run must then fail (exit 1); exit 3 means the mistake went unnoticed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrism } from "@enfuce-sdk/mock";
import { repoRoot } from "@enfuce-sdk/workspace";
import { CONSUMERS, ConsumerError, createConsumer, inConsumer, runConsumer, templatesDir } from "./consumers.mjs";
import { publishAll, releaseEverything, versionSnapshot } from "./publish.mjs";
import { publicPackages } from "./published-packages.mjs";
import { installRegistry, startRegistry } from "./registry.mjs";
import { CommandError, cleanNpmEnv, run } from "./run.mjs";
import { SABOTAGE, SABOTAGED_PACKAGE, sabotage } from "./sabotage.mjs";
import { addRehearsalOperation, CHANGED_DOMAIN } from "./spec-change.mjs";
import { copyWorkspace } from "./workspace-copy.mjs";

const MOCKED_DOMAINS = ["instalment", "account"];
const UPGRADING_CONSUMER = "ts-bundler";
const changedPackage = `@enfuce-sdk/${CHANGED_DOMAIN}`;
const SABOTAGED = `@enfuce-sdk/${SABOTAGED_PACKAGE}`;

function parseArgs(argv) {
  const breakAt = argv.indexOf("--break");
  const breakKind = breakAt === -1 ? undefined : argv[breakAt + 1];
  if (breakAt !== -1 && !(breakKind in SABOTAGE)) {
    throw new Error(`--break needs one of: ${Object.keys(SABOTAGE).join(", ")}`);
  }
  return { breakKind, keep: argv.includes("--keep") };
}

const started = Date.now();
const log = (message) => {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `[${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}] ${message}`,
  );
};

/** A failure outside the consumers: which step, and the output that says why. */
class StepError extends Error {
  constructor(step, cause) {
    super(`${step} failed`);
    this.step = step;
    this.output = cause instanceof CommandError ? `${cause.message}\n${cause.output}` : cause.message;
  }
}

async function step(title, action) {
  log(`${title} ...`);
  try {
    return await action();
  } catch (error) {
    throw error instanceof ConsumerError || error instanceof StepError ? error : new StepError(title, error);
  }
}

const packagesNamedIn = (text) => [...new Set(String(text).match(/@enfuce-sdk\/[a-z0-9-]+/g) ?? [])];

function report(error) {
  const output = error.output ?? error.stack ?? String(error);
  const packages = packagesNamedIn(output);
  const lines = ["", "release rehearsal FAILED"];
  if (error instanceof ConsumerError) lines.push(`  consumer: ${error.consumer.name} (${error.consumer.about})`);
  lines.push(`  package:  ${packages.length > 0 ? packages.join(", ") : "(none named in the output below)"}`);
  lines.push(`  step:     ${error.step ?? error.message}`);
  lines.push(
    "  output:",
    ...output
      .trim()
      .split("\n")
      .map((line) => `    ${line}`),
  );
  console.error(lines.join("\n"));
}

async function startMocks(workspace) {
  const mocks = {};
  for (const domain of MOCKED_DOMAINS) mocks[domain] = await startPrism(join(workspace, "specs", `${domain}.yaml`));
  return mocks;
}

/** Rebuilds one package of the copy; the others' builds came along and did not change. */
const buildOnly = (workspace, name) =>
  run("pnpm", ["turbo", "run", "build", `--filter=${name}`, "--only", "--output-logs=errors-only"], { cwd: workspace });

const mockEnv = (mocks) => ({ ENFUCE_INSTALMENT_URL: mocks.instalment.url, ENFUCE_ACCOUNT_URL: mocks.account.url });

/** Run 1: a snapshot of every package, installed and used by each consumer. */
async function firstRun(ctx) {
  const { workspace, packages } = ctx;
  await step("versioning a changesets snapshot of every package", async () => {
    releaseEverything(workspace, packages);
    await versionSnapshot(workspace);
  });
  ctx.versions = await step(`publishing ${packages.length} packages with \`changeset publish\``, () =>
    publishAll(workspace, packages, ctx.registry.url, ctx.userconfig),
  );
  log(`published ${ctx.versions.size} packages as ${[...new Set(ctx.versions.values())].join(", ")}`);
  for (const consumer of CONSUMERS) {
    log(`consumer ${consumer.name} (${consumer.about}): installing from the registry, checking, running ...`);
    const dir = await createConsumer(consumer, ctx.consumersDir, ctx.registry.url, ctx.versions);
    ctx.consumerDirs.set(consumer.name, dir);
    log(`  ${(await runConsumer(consumer, dir, mockEnv(ctx.mocks))).split("\n").join("\n  ")}`);
  }
}

/** Run 2: a spec change, released as the bump command proposes, reaching a consumer through `npm update`. */
async function secondRun(ctx) {
  const { workspace } = ctx;
  const baseSpecs = join(ctx.root, "base-specs");
  cpSync(join(workspace, "specs"), baseSpecs, { recursive: true });
  await step(`adding an operation to specs/${CHANGED_DOMAIN}.yaml and regenerating`, async () => {
    addRehearsalOperation(workspace);
    await run("pnpm", ["exec", "enfuce-codegen", "generate", CHANGED_DOMAIN], { cwd: workspace });
  });
  await step("proposing the bump with `enfuce-codegen bump`", async () => {
    const said = await run("pnpm", ["exec", "enfuce-codegen", "bump", "--base", baseSpecs, CHANGED_DOMAIN], {
      cwd: workspace,
    });
    log(`  ${said.trim()}`);
    if (!said.includes(`${changedPackage}: minor`)) throw new Error(`expected a minor bump of ${changedPackage}`);
  });
  await step(`versioning and building the new snapshot of ${changedPackage}`, async () => {
    await versionSnapshot(workspace);
    await buildOnly(workspace, changedPackage);
  });
  const versions = await step("publishing it", () =>
    publishAll(workspace, ctx.packages, ctx.registry.url, ctx.userconfig),
  );
  const next = versions.get(changedPackage);
  if (next === ctx.versions.get(changedPackage)) {
    throw new StepError("publishing it", new Error(`package ${changedPackage} got no new version`));
  }
  log(`published ${changedPackage}@${next}`);
  await ctx.mocks.instalment.stop();
  ctx.mocks.instalment = await startPrism(join(workspace, "specs", `${CHANGED_DOMAIN}.yaml`));

  const consumer = CONSUMERS.find((c) => c.name === UPGRADING_CONSUMER);
  const dir = ctx.consumerDirs.get(UPGRADING_CONSUMER);
  const env = { ...cleanNpmEnv(), ...mockEnv(ctx.mocks) };
  cpSync(join(templatesDir, "upgrade/new-operation.ts"), join(dir, "new-operation.ts"));
  log(`consumer ${consumer.name}: the new operation must not type-check before \`npm update\` ...`);
  const before = await runConsumer({ ...consumer, steps: [consumer.steps[0]] }, dir, env).then(
    () => "",
    (error) => (error instanceof ConsumerError ? error.output : Promise.reject(error)),
  );
  if (!before.includes("new-operation.ts") || !before.includes("rehearsal-note")) {
    const why = before || "it type-checked against the old release";
    throw new ConsumerError(consumer, "tsc before npm update", `the new operation did not fail as unknown: ${why}`);
  }
  log(`consumer ${consumer.name}: npm update, then type-check and run the new operation ...`);
  await inConsumer(consumer, dir, "npm", ["update", "--no-audit", "--no-fund"], cleanNpmEnv());
  const installedAt = join(dir, "node_modules", changedPackage, "package.json");
  const installed = JSON.parse(readFileSync(installedAt, "utf8")).version;
  if (installed !== next) {
    throw new ConsumerError(
      consumer,
      "npm update",
      `package ${changedPackage}: npm update installed ${installed}, not ${next}`,
    );
  }
  const upgraded = { ...consumer, steps: [...consumer.steps, ["dist/new-operation.js"]] };
  log(`  ${(await runConsumer(upgraded, dir, env)).split("\n").join("\n  ")}`);
}

async function main() {
  const { breakKind, keep } = parseArgs(process.argv.slice(2));
  const root = mkdtempSync(join(tmpdir(), "enfuce-rehearsal-"));
  const ctx = {
    root,
    workspace: join(root, "workspace"),
    consumersDir: join(root, "consumers"),
    userconfig: join(root, "publish.npmrc"),
    consumerDirs: new Map(),
    mocks: {},
  };
  const registryDir = join(root, "registry");
  mkdirSync(ctx.consumersDir, { recursive: true });
  const stop = async () => {
    await Promise.all([ctx.registry?.stop(), ...Object.values(ctx.mocks).map((mock) => mock.stop())]);
    if (keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
  process.once("SIGINT", () => stop().then(() => process.exit(130)));
  try {
    const copy = async () => {
      const built = (await publicPackages()).map((pkg) => pkg.dir);
      await step("copying the workspace and its builds, installing it from the pnpm store", () =>
        copyWorkspace(repoRoot, ctx.workspace, built),
      );
      if (!breakKind) return;
      sabotage(breakKind, ctx.workspace);
      await step(`deliberately breaking ${SABOTAGED} (--break ${breakKind}) and rebuilding it`, () =>
        buildOnly(ctx.workspace, SABOTAGED),
      );
    };
    await Promise.all([
      step("installing Verdaccio 6.8.0 into a temporary folder", () => installRegistry(registryDir)),
      copy(),
    ]);
    ctx.packages = await publicPackages(ctx.workspace);
    ctx.registry = await step("starting Verdaccio on 127.0.0.1", () => startRegistry(registryDir));
    ctx.mocks = await step(`starting Prism for ${MOCKED_DOMAINS.join(" and ")}`, () => startMocks(ctx.workspace));
    await firstRun(ctx);
    if (!breakKind) await secondRun(ctx);
    if (!breakKind) {
      log("release rehearsal passed");
      return 0;
    }
    console.error(`the rehearsal did NOT catch --break ${breakKind}: it checks less than it should`);
    return 3;
  } catch (error) {
    report(error);
    return 1;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
