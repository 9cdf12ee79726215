// How the SDK names itself to Enfuce: `User-Agent: enfuce-sdk/<core> <domain>/<package> node/<version>`,
// then the caller's application if given, so Enfuce support can tell which build sent a request.
// Versions are written in at build time from each package's package.json (tsup.base.ts), so a
// release (`changeset version`) needs no other edit.
import { ConfigurationError } from "./errors";

/** The version of the package whose build this is; `0.0.0-dev` when run from source without a build. */
export const CORE_VERSION: string = process.env.ENFUCE_SDK_PACKAGE_VERSION ?? "0.0.0-dev";

/** The domain package a client belongs to, as its generated factory passes it. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

/** Your application, appended to the User-Agent as `name/version`. */
export interface AppInfo {
  /** Visible ASCII without spaces, at most 64 characters, e.g. `acme-card-sync`. */
  readonly name: string;
  /** Visible ASCII without spaces, at most 32 characters. */
  readonly version?: string;
}

/** One User-Agent product token: visible ASCII, no space, no CR/LF, so no header can be split or forged. */
const TOKEN = /^[\x21-\x7e]+$/;

function checkedToken(value: unknown, name: string, max: number): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max || !TOKEN.test(value)) {
    throw new ConfigurationError(`${name} must be 1 to ${max} visible ASCII characters without spaces`);
  }
  return value;
}

function appToken(appInfo: unknown): string {
  if (typeof appInfo !== "object" || appInfo === null) {
    throw new ConfigurationError("appInfo must be an object { name, version? }");
  }
  const { name, version } = appInfo as AppInfo;
  const checkedName = checkedToken(name, "appInfo.name", 64);
  return version === undefined ? checkedName : `${checkedName}/${checkedToken(version, "appInfo.version", 32)}`;
}

export function userAgentOf(packageInfo: PackageInfo | undefined, appInfo: unknown): string {
  const parts = [`enfuce-sdk/${CORE_VERSION}`];
  if (packageInfo) parts.push(`${packageInfo.name}/${packageInfo.version}`);
  if (typeof process !== "undefined" && process.versions?.node) parts.push(`node/${process.versions.node}`);
  if (appInfo !== undefined) parts.push(appToken(appInfo));
  return parts.join(" ");
}
