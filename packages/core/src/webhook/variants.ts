// Payloads of a kind Enfuce added after this SDK version: valid, but typed apart from the known
// union, because TypeScript cannot narrow a union one of whose discriminants is any string.
import type { WebhookMeta } from "./types";

/** Whether a valid payload is of a kind the webhook's union does not list (its `unknownVariant`). */
export function isUnknownVariant(meta: WebhookMeta, payload: unknown): boolean {
  const variant = meta.unknownVariant;
  if (!variant || typeof payload !== "object" || payload === null) return false;
  const kind = (payload as Record<string, unknown>)[variant.property];
  return typeof kind === "string" && !variant.knownValues.includes(kind);
}
