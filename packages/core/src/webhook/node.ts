// The receiver on Node's http server (and Express, which passes the same request and response).
// Everything runs inside try/catch or promise handlers: no input and no user code can throw out of
// here and take the server down.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { HeaderReader, WebhookSpan } from "../tracing/webhook-spans";
import { type Answer, TOO_LARGE } from "./answers";
import type { ReceivedBody, Receiver } from "./receiver";
import type { Matched } from "./router";

// After a 413 the rest of the body is read and dropped, so the client can read the answer instead
// of a reset connection; past this much more, the connection is cut instead.
const MAX_DISCARDED_BYTES = 1024 * 1024;

/** Sends `answer` unless an answer went out already or the client is gone. */
function write(res: ServerResponse, answer: Answer, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = answer.body
    ? { "content-type": "application/json", "content-length": Buffer.byteLength(answer.body) }
    : { "content-length": 0 };
  if (answer.headers) Object.assign(headers, answer.headers);
  if (close) headers.connection = "close";
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/** A body a framework already read: Express' raw or text parsers give bytes or text, json() an object. */
function preParsedBody(req: IncomingMessage): ReceivedBody | undefined {
  if (!req.readableEnded) return undefined;
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (Buffer.isBuffer(body)) return { text: body.toString("utf8") };
  if (typeof body === "string") return { text: body };
  if (body !== undefined) return { parsed: body };
  return undefined;
}

function readBody(req: IncomingMessage, limit: number, done: (body: ReceivedBody) => void, tooLarge: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (over) {
      if (size > limit + MAX_DISCARDED_BYTES) req.destroy();
      return;
    }
    if (size > limit) {
      over = true;
      chunks.length = 0;
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (over) return;
    // A webhook body nearly always arrives in one chunk: decoded from it, without a copy.
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
    done({ text: body.toString("utf8") });
  });
}

export function nodeHandler(receiver: Receiver) {
  return function handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void {
    const receivedAt = performance.now();
    let matched: Matched | Answer;
    try {
      matched = receiver.match(req.method ?? "", req.url ?? "/");
    } catch (error) {
      write(res, receiver.fail(error));
      return;
    }
    if (!("meta" in matched)) {
      if (matched.status === 404 && typeof next === "function") next();
      else write(res, matched);
      return;
    }
    const { headers } = req;
    const trace = receiver.trace(matched, headers, nodeHeaders);
    const finish = trace
      ? (answer: Answer, close?: boolean) => {
          trace.end(answer.status);
          write(res, answer, close);
        }
      : (answer: Answer, close?: boolean) => write(res, answer, close);
    try {
      answerCall(receiver, matched, req, receivedAt, finish, trace);
    } catch (error) {
      finish(receiver.fail(error));
    }
  };
}

const nodeHeaders: HeaderReader<IncomingHttpHeaders> = {
  get(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  },
  keys: (headers) => Object.keys(headers),
};

/** Admits, reads and answers a call to a webhook route; every answer goes through `finish`, once. */
function answerCall(
  receiver: Receiver,
  matched: Matched,
  req: IncomingMessage,
  receivedAt: number,
  finish: (answer: Answer, close?: boolean) => void,
  trace: WebhookSpan | undefined,
): void {
  const { headers } = req;
  const declaredTooLarge = receiver.declaresTooLarge(headers["content-length"]);
  const refusal = receiver.admit(headers.authorization, headers["content-type"], declaredTooLarge);
  if (refusal) {
    // Node reads and drops an unread body to keep the connection; not one announced as too large.
    finish(refusal, declaredTooLarge);
    return;
  }
  const preParsed = preParsedBody(req);
  if (preParsed) {
    receiver.answer(matched, preParsed, receivedAt, finish, trace);
    return;
  }
  readBody(
    req,
    receiver.maxBodyBytes,
    (body) => {
      try {
        receiver.answer(matched, body, receivedAt, finish, trace);
      } catch (error) {
        finish(receiver.fail(error));
      }
    },
    () => finish(TOO_LARGE),
  );
}
