// The attribute names of the spans, in one place: OpenTelemetry's stable HTTP semantic conventions,
// then the SDK's own under `enfuce.`. Only names and low-cardinality facts go into a span: the path
// template, never a URL, a query, a header, a body, a credential or the audit user.

export const HTTP_REQUEST_METHOD = "http.request.method";
export const HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
export const HTTP_REQUEST_RESEND_COUNT = "http.request.resend_count";
export const HTTP_ROUTE = "http.route";
export const URL_TEMPLATE = "url.template";
export const SERVER_ADDRESS = "server.address";
export const SERVER_PORT = "server.port";
export const ERROR_TYPE = "error.type";

/** The API domain of the client (`instalment`, `card`...). */
export const ENFUCE_DOMAIN = "enfuce.domain";
export const ENFUCE_OPERATION_ID = "enfuce.operation_id";
/** The request id the answer carried, to quote to Enfuce support. */
export const ENFUCE_REQUEST_ID = "enfuce.request_id";
/** Who answered a webhook call: `handler`, `fallback`, `warm-up` or `duplicate`. */
export const ENFUCE_WEBHOOK_ANSWERED_BY = "enfuce.webhook.answered_by";
export const ENFUCE_WEBHOOK_DEADLINE_MISSED = "enfuce.webhook.deadline_missed";
/** The WebhookError reason when your code failed on the call (`handler-threw`...). */
export const ENFUCE_WEBHOOK_FAILURE = "enfuce.webhook.failure";
