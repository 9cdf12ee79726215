import type { Answer } from "./engine/handler";

const NO_BODY = new Set([204, 205, 304]);

/** The HTTP response of an answer: JSON when there is a body. */
export function toResponse(answer: Answer): Response {
  const hasBody = answer.body !== undefined && !NO_BODY.has(answer.status);
  return new Response(hasBody ? JSON.stringify(answer.body) : null, {
    status: answer.status,
    headers: { ...(hasBody && { "content-type": "application/json" }), ...answer.headers },
  });
}
