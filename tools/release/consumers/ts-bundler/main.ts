// A TypeScript application type-checked as a bundler would resolve it (moduleResolution bundler),
// then run as ES modules by Node: the SDK's types must resolve and type every call from the spec.
import { createInstalmentClient, type Instalment, type InstalmentList } from "@enfuce-sdk/instalment";

const instalments = createInstalmentClient({
  baseUrl: process.env.ENFUCE_INSTALMENT_URL,
  credentials: { username: "rehearsal", password: "rehearsal-password" },
  auditUser: "release-rehearsal",
  throwOnError: true,
  maxRetries: 0,
});

const page: InstalmentList = await instalments.GET("/v1/account/{accountId}", {
  params: { path: { accountId: "677654434532" }, query: { page: 0, size: 10 } },
});
const plans: Instalment[] = page.data ?? [];

/** Never called: the compiler must reject each line, which proves the types are the spec's, not `any`. */
export function typeProbes() {
  // @ts-expect-error the spec has no such operation
  void instalments.GET("/v1/no-such-operation");
  // @ts-expect-error page must be a number
  void instalments.GET("/v1/account/{accountId}", { params: { path: { accountId: "1" }, query: { page: "1" } } });
}

console.log(`ts-bundler: ${plans.length} plan(s) listed`);
