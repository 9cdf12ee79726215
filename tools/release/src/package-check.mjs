// Whether one package is fit to publish: packed exactly as `pnpm publish` packs it (workspace:
// ranges resolved), its tarball must hold only what a user needs, state its Node range, and pass
// publint and are-the-types-wrong.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { run } from "./run.mjs";
import { readTarball } from "./tarball.mjs";

const REQUIRED_FILES = ["package.json", "README.md", "LICENSE"];
const isAllowedFile = (path) => REQUIRED_FILES.includes(path) || path.startsWith("dist/");
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];

const require = createRequire(import.meta.url);
const attwDir = dirname(require.resolve("@arethetypeswrong/cli/package.json"));
const attwBin = join(attwDir, require("@arethetypeswrong/cli/package.json").bin.attw);

function contentProblems(files, license) {
  const problems = [];
  for (const path of files.keys()) if (!isAllowedFile(path)) problems.push(`tarball holds ${path}: not for users`);
  for (const path of REQUIRED_FILES) if (!files.has(path)) problems.push(`tarball lacks ${path}`);
  if (![...files.keys()].some((path) => path.startsWith("dist/"))) problems.push("tarball holds no dist/ (not built?)");
  if (files.has("LICENSE") && !files.get("LICENSE").equals(license))
    problems.push("LICENSE differs from the root LICENSE");
  return problems;
}

function manifestProblems(manifest) {
  const problems = [];
  if (!manifest.engines?.node) problems.push("package.json states no engines.node range");
  if (manifest.license !== "MIT") problems.push(`package.json license is ${manifest.license}, not MIT`);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith("workspace:")) problems.push(`${field}.${name} is still ${range} in the tarball`);
    }
  }
  return problems;
}

async function publintProblems(tarball) {
  const buffer = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
    level: "warning",
    strict: true,
  });
  return messages.map((message) => `publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
}

async function attwProblems(tarball) {
  try {
    await run(process.execPath, [attwBin, tarball, "--format", "ascii"], { env: { ...process.env, NO_COLOR: "1" } });
    return [];
  } catch (error) {
    return [`are-the-types-wrong:\n${error.output ?? error.message}`];
  }
}

/**
 * @param {string} dir the package folder
 * @param {string} packDir where to write its tarball
 * @param {Buffer} license the LICENSE every tarball must carry
 * @returns {Promise<string[]>} the problems, none when the package is fit to publish
 */
export async function checkPackage(dir, packDir, license) {
  const packed = JSON.parse(await run("pnpm", ["pack", "--json", "--pack-destination", packDir], { cwd: dir }));
  const files = readTarball(packed.filename);
  const manifest = JSON.parse(files.get("package.json")?.toString() ?? "{}");
  return [
    ...contentProblems(files, license),
    ...manifestProblems(manifest),
    ...(await publintProblems(packed.filename)),
    ...(await attwProblems(packed.filename)),
  ];
}
