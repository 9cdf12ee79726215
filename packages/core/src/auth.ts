import { ConfigurationError } from "./errors";

/** HTTP Basic (RFC 7617), the scheme Enfuce documents. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}
/** A bearer token, which some newer Enfuce pages show instead of Basic. */
export interface BearerCredentials {
  readonly token: string;
}
export type Credentials = BasicCredentials | BearerCredentials;

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/** The Authorization header value, and the secrets that must never appear in output. */
export function authorization(credentials: Credentials | undefined): { header: string; secrets: string[] } {
  if (typeof credentials !== "object" || credentials === null) {
    throw new ConfigurationError("credentials are required: { username, password } or { token }");
  }
  if ("token" in credentials) {
    if (!nonEmpty(credentials.token)) throw new ConfigurationError("credentials.token must be a non-empty string");
    const header = `Bearer ${credentials.token}`;
    return { header, secrets: [credentials.token, header] };
  }
  const { username, password } = credentials as Partial<BasicCredentials>;
  if (!nonEmpty(username)) throw new ConfigurationError("credentials.username must be a non-empty string");
  if (username.includes(":")) throw new ConfigurationError("credentials.username must not contain ':' (RFC 7617)");
  if (!nonEmpty(password)) throw new ConfigurationError("credentials.password must be a non-empty string");
  const encoded = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  return { header: `Basic ${encoded}`, secrets: [password, encoded] };
}
