// The audit-user step: Enfuce records `?auditUser=` in its audit log, so every call sends the
// client's unless the call gives its own, or the operation takes none (the ID callback).
import type { OperationMeta } from "../spec";

/** The call's query: the caller's members over the client's audit user. Always a new object. */
export function queryWithAuditUser(
  meta: OperationMeta | undefined,
  auditUser: string,
  query: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return meta?.auditUser === false ? { ...query } : { auditUser, ...query };
}
