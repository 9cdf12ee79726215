// The receiver for fetch-style runtimes (Deno, Bun, Cloudflare Workers, Hono...): a Request in, a
// Response out. The promise never rejects; every failure becomes an answer.

import type { HeaderReader, WebhookSpan } from "../tracing/webhook-spans";
import { type Answer, TOO_LARGE } from "./answers";
import type { Receiver } from "./receiver";
import type { Matched } from "./router";

function toResponse(answer: Answer): Response {
  const headers = new Headers(answer.headers);
  if (answer.body) headers.set("content-type", "application/json");
  return new Response(answer.body || null, { status: answer.status, headers });
}

/** The body as text, or undefined once it grows past `limit` bytes (the rest is not read). */
async function readText(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const fetchHeaders: HeaderReader<Headers> = {
  get: (headers, name) => headers.get(name) ?? undefined,
  keys(headers) {
    const names: string[] = [];
    headers.forEach((_, name) => {
      names.push(name);
    });
    return names;
  },
};

/** The answer to a call to a webhook route: refusal, or the route's answer to the body. Never rejects. */
async function answerCall(
  receiver: Receiver,
  matched: Matched,
  request: Request,
  receivedAt: number,
  trace: WebhookSpan | undefined,
): Promise<Answer> {
  try {
    const { headers } = request;
    const refusal = receiver.admit(
      headers.get("authorization") ?? undefined,
      headers.get("content-type") ?? undefined,
      receiver.declaresTooLarge(headers.get("content-length") ?? undefined),
    );
    if (refusal) return refusal;
    const text = await readText(request, receiver.maxBodyBytes);
    if (text === undefined) return TOO_LARGE;
    return await new Promise<Answer>((resolve) => receiver.answer(matched, { text }, receivedAt, resolve, trace));
  } catch (error) {
    return receiver.fail(error);
  }
}

export function fetchHandler(receiver: Receiver) {
  return async function handle(request: Request): Promise<Response> {
    const receivedAt = performance.now();
    let matched: Matched | Answer;
    try {
      matched = receiver.match(request.method, new URL(request.url).pathname);
    } catch (error) {
      return toResponse(receiver.fail(error));
    }
    if (!("meta" in matched)) return toResponse(matched);
    const trace = receiver.trace(matched, request.headers, fetchHeaders);
    const answer = await answerCall(receiver, matched, request, receivedAt, trace);
    trace?.end(answer.status);
    return toResponse(answer);
  };
}
