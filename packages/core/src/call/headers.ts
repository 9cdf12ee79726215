// Reading a header out of what a caller may pass as headers: a Headers object or a plain record.

/** The value of header `name` (any letter case) in `headers`, or undefined when absent or null. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) {
    for (const [key, value] of headers as [string, unknown][]) {
      if (key.toLowerCase() === name && value != null) return String(value);
    }
    return undefined;
  }
  for (const key in headers as Record<string, unknown>) {
    const value = (headers as Record<string, unknown>)[key];
    if (key.toLowerCase() === name && value != null) return String(value);
  }
  return undefined;
}
