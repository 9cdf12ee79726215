// What both ways of sending share about HTTP itself.

export const NULL_BODY_STATUS = new Set([204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (status: number): boolean => REDIRECT_STATUS.has(status);

/** fetch adds these when absent; some gateways reject requests without a User-Agent. */
export const DEFAULT_REQUEST_HEADERS: readonly (readonly [string, string])[] = [
  ["accept", "*/*"],
  ["user-agent", "node"],
];

/** undici's parsed answer headers as a fetch Headers object. */
export function fetchHeaders(parsed: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in parsed) {
    const value = parsed[name];
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}
