// A TypeScript application built with module node16, ES module side: the SDK's "import" types
// must resolve and type every call from the spec, and the emitted program must run.
import { createAccountClient } from "@enfuce-sdk/account";
import {
  createInstalmentClient,
  type Instalment,
  type InstalmentStatus,
  type InstalmentStatusParam,
  NotFoundError,
} from "@enfuce-sdk/instalment";
import type { components } from "@enfuce-sdk/notification";

const connection = {
  credentials: { username: "rehearsal", password: "rehearsal-password" },
  auditUser: "release-rehearsal",
  throwOnError: true,
  maxRetries: 0,
} as const;
const instalments = createInstalmentClient({ ...connection, baseUrl: process.env.ENFUCE_INSTALMENT_URL });
const accounts = createAccountClient({ ...connection, baseUrl: process.env.ENFUCE_ACCOUNT_URL });

const plan: Instalment = await instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } });
const status: InstalmentStatus | undefined = plan.status;
const account = await accounts.GET("/v4/{id}", { params: { path: { id: "677654434532" } } });
const missing = await instalments
  .GET("/v1/{instalmentId}", { params: { path: { instalmentId: "0" } }, headers: { Prefer: "code=404" } })
  .catch((error: unknown) => error);
if (!(missing instanceof NotFoundError)) throw new Error(`a 404 gave ${missing} instead of NotFoundError`);

/** Never called: the compiler must reject each line, which proves the types are the spec's, not `any`. */
export function typeProbes(event: components["schemas"]["Notification"]) {
  // @ts-expect-error the spec has no such operation
  void instalments.GET("/v1/no-such-operation");
  // @ts-expect-error instalmentId is a required path parameter
  void instalments.GET("/v1/{instalmentId}", { params: { path: {} } });
  // @ts-expect-error a status sent is one of the documented values
  const wrong: InstalmentStatusParam = "NOT_A_STATUS";
  // A status received may be one Enfuce adds later (tolerant reader): this line must compile.
  const later: InstalmentStatus = "A_STATUS_ADDED_LATER";
  // @ts-expect-error a webhook payload is an object, not a string
  const text: string = event;
  return [wrong, later, text];
}

console.log(`ts-node16 (esm): plan ${plan.id} is ${status}; account ${account.id}; 404 is a NotFoundError`);
