// What the packages' type tests share: they build a client to type-check calls, never to send one.

/** Client options for a type test: a local base URL nothing listens on, placeholder credentials. */
export const typeTestOptions = {
  baseUrl: "http://127.0.0.1:4010",
  credentials: { username: "u", password: "p" },
  auditUser: "backoffice-sync",
} as const;
