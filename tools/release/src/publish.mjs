// Versions the workspace copy as a changesets snapshot and publishes it with `changeset publish`,
// the same commands `pnpm release` runs, pointed at the rehearsal registry.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanNpmEnv, run } from "./run.mjs";

export const SNAPSHOT_NAME = "rehearsal";
// What `npm install` and `npm update` follow, as after a real release; npm wants the tag spelt out
// for a prerelease version such as a snapshot.
const DIST_TAG = "latest";

/** A changeset releasing every package, so the first snapshot publishes all of them. */
export function releaseEverything(workspace, packages) {
  const lines = packages.map((pkg) => `"${pkg.name}": patch`).join("\n");
  writeFileSync(join(workspace, ".changeset/release-rehearsal.md"), `---\n${lines}\n---\n\nRelease rehearsal.\n`);
}

/** `changeset version --snapshot`: 0.0.0-rehearsal-<datetime> for every package with a changeset. */
export async function versionSnapshot(workspace) {
  await run("pnpm", ["exec", "changeset", "version", "--snapshot", SNAPSHOT_NAME], { cwd: workspace });
}

const manifestOf = (pkg) => JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8"));

/**
 * Publishes whatever is not in the registry yet, then checks that every package's current version
 * is there with real dependency ranges.
 * @returns {Promise<Map<string, string>>} package name -> published version
 */
export async function publishAll(workspace, packages, registryUrl, userconfig) {
  // Verdaccio accepts any token for `publish: $all`, but npm refuses to publish without one.
  writeFileSync(userconfig, `//${new URL(registryUrl).host}/:_authToken=rehearsal-placeholder\n`);
  const env = cleanNpmEnv({ npm_config_registry: registryUrl, npm_config_userconfig: userconfig });
  await run("pnpm", ["exec", "changeset", "publish", "--tag", DIST_TAG, "--no-git-tag"], { cwd: workspace, env });
  const versions = new Map();
  const problems = [];
  for (const pkg of packages) {
    const { version } = manifestOf(pkg);
    const response = await fetch(new URL(pkg.name.replace("/", "%2f"), registryUrl));
    const published = response.ok ? (await response.json()).versions?.[version] : undefined;
    if (!published) {
      problems.push(`package ${pkg.name}@${version} is not in the registry after \`changeset publish\``);
      continue;
    }
    for (const [name, range] of Object.entries({ ...published.dependencies, ...published.peerDependencies })) {
      if (range.startsWith("workspace:"))
        problems.push(`package ${pkg.name} was published depending on ${name}@${range}`);
    }
    versions.set(pkg.name, version);
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return versions;
}
