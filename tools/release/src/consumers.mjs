// Fresh projects outside the workspace that install the SDK from the rehearsal registry only (a
// scoped registry for @enfuce-sdk; everything else comes from the public registry, as for a user)
// and then type-check and run their programs from consumers/<name>/.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CommandError, cleanNpmEnv, run } from "./run.mjs";

export const templatesDir = join(dirname(fileURLToPath(import.meta.url)), "../consumers");

// What a TypeScript user adds next to the SDK; pinned so a new release of either cannot fail the rehearsal.
const TYPESCRIPT_TOOLS = ["typescript@5.9.3", "@types/node@20.19.43"];
const tsc = ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"];

/** Domains the TypeScript consumers use; the JavaScript ones load every published package. */
const TYPED_SUBSET = ["@enfuce-sdk/instalment", "@enfuce-sdk/account", "@enfuce-sdk/notification"];
/** What an integrator's test suite installs to run its code against the sandbox. */
const SANDBOX_SUBSET = [
  "@enfuce-sdk/testing",
  ...[
    "customer",
    "account",
    "card",
    "test-api",
    "transaction",
    "instalment",
    "authorisation-control",
    "notification",
  ].map((domain) => `@enfuce-sdk/${domain}`),
];

export const CONSUMERS = [
  { name: "esm", about: "an ES module program", type: "module", steps: [["index.mjs"]] },
  { name: "cjs", about: "a CommonJS program", type: "commonjs", steps: [["index.cjs"]] },
  {
    name: "ts-node16",
    about: "TypeScript with moduleResolution node16",
    type: "commonjs",
    subset: TYPED_SUBSET,
    steps: [tsc, ["dist/main.mjs"], ["dist/legacy.cjs"]],
  },
  {
    name: "ts-bundler",
    about: "TypeScript with moduleResolution bundler",
    type: "module",
    subset: TYPED_SUBSET,
    steps: [tsc, ["dist/main.js"]],
  },
  {
    name: "sandbox",
    about: "a node:test suite running the card lifecycle on @enfuce-sdk/testing, offline",
    type: "module",
    subset: SANDBOX_SUBSET,
    tools: [],
    steps: [["--test", "lifecycle.test.mjs"]],
  },
];

export class ConsumerError extends Error {
  constructor(consumer, step, output) {
    super(`consumer ${consumer.name} (${consumer.about}) failed at \`${step}\``);
    this.name = "ConsumerError";
    this.consumer = consumer;
    this.step = step;
    this.output = output;
  }
}

/** Runs `node <args>` (or npm) in a consumer, turning a failure into a ConsumerError. */
export async function inConsumer(consumer, dir, command, args, env) {
  try {
    return await run(command, args, { cwd: dir, env });
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    throw new ConsumerError(
      consumer,
      [command === process.execPath ? "node" : command, ...args].join(" "),
      error.output,
    );
  }
}

/**
 * @param {Map<string, string>} versions published package name -> version
 * @returns {Promise<string>} the consumer's folder
 */
export async function createConsumer(consumer, parent, registryUrl, versions) {
  const dir = join(parent, consumer.name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(templatesDir, consumer.name), dir, { recursive: true });
  const manifest = { name: `rehearsal-${consumer.name}`, version: "1.0.0", private: true, type: consumer.type };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), `@enfuce-sdk:registry=${registryUrl}\n`);
  const names = consumer.subset ?? [...versions.keys()];
  const specs = names.map((name) => `${name}@${versions.get(name)}`);
  const tools = consumer.tools ?? (consumer.subset ? TYPESCRIPT_TOOLS : []);
  await inConsumer(consumer, dir, "npm", ["install", "--no-audit", "--no-fund", ...specs, ...tools], cleanNpmEnv());
  return dir;
}

/** Type-checks (TypeScript consumers) and runs the consumer's programs against the mock. */
export async function runConsumer(consumer, dir, mockEnv) {
  const outputs = [];
  for (const args of consumer.steps) {
    outputs.push(await inConsumer(consumer, dir, process.execPath, args, { ...cleanNpmEnv(), ...mockEnv }));
  }
  return outputs.join("").trim();
}
