export {
  createMemoryDeduplicationStore,
  DEFAULT_DEDUPLICATION_ENTRIES,
  type DeduplicationStore,
} from "./deduplication";
export { WebhookError, type WebhookFailureReason } from "./failure";
export { createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from "./receiver";
export {
  type AcknowledgementOptions,
  acknowledgementRoute,
  automaticRoute,
  type DecisionOptions,
  decisionRoute,
  type WebhookRoute,
} from "./routes";
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
