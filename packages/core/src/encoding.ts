import { ConfigurationError } from "./errors";

/** encodeURIComponent plus the RFC 3986 sub-delimiters it leaves alone, which Enfuce filters need encoded. */
export function encodeQueryValue(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // A lone UTF-16 surrogate has no UTF-8 form; without this the caller got a bare URIError.
    throw new ConfigurationError("a URL value contains a lone UTF-16 surrogate, which cannot be percent-encoded");
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(`${encodeQueryValue(name)}=${encodeQueryValue(String(item))}`);
  }
  return parts.join("&");
}

const PATH_PARAM = /\{([^}]+)\}/g;

/**
 * Fills a path template. Every value is percent-encoded as one segment, and values that URL
 * parsing would turn into a different route (empty, `.` or `..`, whatever their encoding) are
 * refused, so no value can change which operation is called.
 */
export function serializePath(pathname: string, params: Record<string, unknown> = {}): string {
  return pathname.replace(PATH_PARAM, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      throw new ConfigurationError(`path parameter ${name} is required`);
    }
    const text = String(value);
    if (text === "" || text === "." || text === "..") {
      throw new ConfigurationError(`path parameter ${name} must not be empty, "." or ".."`);
    }
    return encodeQueryValue(text);
  });
}
