// The same application's CommonJS side (.cts under node16): the SDK's "require" types must resolve.
import { createInstalmentClient, type Instalment } from "@enfuce-sdk/instalment";

const instalments = createInstalmentClient({
  baseUrl: process.env.ENFUCE_INSTALMENT_URL,
  credentials: { username: "rehearsal", password: "rehearsal-password" },
  auditUser: "release-rehearsal",
  throwOnError: true,
  maxRetries: 0,
});

/** Never called: the compiler must reject it, which proves the types are the spec's, not `any`. */
export function typeProbes() {
  // @ts-expect-error the spec has no such operation
  void instalments.GET("/v1/no-such-operation");
}

instalments
  .GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } })
  .then((plan: Instalment) => console.log(`ts-node16 (cjs): plan ${plan.id} is ${plan.status}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
