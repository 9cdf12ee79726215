export { type AcknowledgementOptions, acknowledgementRoute } from "./acknowledgement-route";
export { type DecisionOptions, decisionRoute } from "./decision-route";
export {
  createMemoryDeduplicationStore,
  DEFAULT_DEDUPLICATION_ENTRIES,
  type DeduplicationStore,
} from "./deduplication";
export { WebhookError, type WebhookFailureReason } from "./failure";
export { createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from "./receiver";
export { automaticRoute, type WebhookRoute } from "./route";
export { DEFAULT_DEADLINE_SHARE } from "./route-options";
export { type SendWebhookOptions, type SentWebhook, sendWebhook } from "./send";
export type {
  CompiledValidator,
  FieldProblem,
  JsonRequestBody,
  ValidatorIssue,
  WebhookContext,
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookMeta,
} from "./types";
export { isUnknownVariant } from "./variants";
