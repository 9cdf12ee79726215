// Which value identifies a delivery, so that a store can tell a redelivery from a new call: a
// payload member (`x-enfuce-id-field`, a dotted path such as `metadata.id`) or a path parameter
// (`x-enfuce-id-parameter`, such as the ID webhook's `sessionId`).
import { ConfigurationError } from "../errors";
import type { WebhookMeta } from "./types";

export type DeliveryIdReader = (payload: unknown, params: Readonly<Record<string, string>>) => string | undefined;

const asId = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/** Reads the delivery id of a call as text; undefined when the call carries none. */
export function deliveryIdReader(meta: WebhookMeta): DeliveryIdReader {
  const { idField, idParameter } = meta;
  if (idParameter !== null) return (_payload, params) => asId(params[idParameter]);
  if (idField === null) {
    throw new ConfigurationError(
      `${meta.operationId} documents no id (x-enfuce-id-field or x-enfuce-id-parameter) to recognise a redelivery by`,
    );
  }
  const path = idField.split(".");
  return (payload) => {
    let value = payload;
    for (const member of path) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[member];
    }
    return asId(value);
  };
}
