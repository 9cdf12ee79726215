// Prints a JSON value as a TypeScript literal the way a person would write it: identifier keys
// unquoted, short objects on one line, long ones broken over lines.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// The request-samples panel of the HTTP reference shows about this many characters without scrolling.
const LINE_WIDTH = 72;

const key = (name) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([name, member]) => `${key(name)}: ${inline(member)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * @param {unknown} value
 * @param {string} indent the indentation of the line the literal starts on
 * @param {number} column where on that line the literal starts
 */
export function tsLiteral(value, indent = "", column = indent.length) {
  const short = inline(value);
  if (column + short.length + 3 <= LINE_WIDTH || value === null || typeof value !== "object") return short;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const lines = Object.entries(value).map(
    ([name, member]) => `${inner}${key(name)}: ${tsLiteral(member, inner, inner.length + key(name).length + 2)},`,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}
