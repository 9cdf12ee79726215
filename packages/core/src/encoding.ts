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

/**
 * Query string in OpenAPI's default query style (form, exploded): arrays repeat the name, and an
 * object's members become parameters of their own, as a continuation key must be sent.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) add(name, item);
    } else if (typeof value === "object") {
      for (const [member, memberValue] of Object.entries(value)) add(member, memberValue);
    } else {
      parts.push(`${encodeQueryValue(name)}=${encodeQueryValue(String(value))}`);
    }
  };
  for (const [name, value] of Object.entries(query)) add(name, value);
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
