// `error.type` of a failed span: the status for an answer that is an error (as the HTTP semantic
// conventions ask), else the SDK's error class (`TimeoutError`, `ConnectionError`...). Never a
// message: an API error's message quotes the body Enfuce sent.
import { APIError } from "../errors";

export function errorTypeOf(error: unknown): string {
  if (error instanceof APIError) return String(error.status);
  if (error instanceof Error) return error.name;
  return "_OTHER";
}
