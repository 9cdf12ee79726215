// JSON laid out as Biome lays it out (`pnpm format`), so a generated config file passes `pnpm lint`
// as written: one member a line, an array on one line when it fits the line width.
const LINE_WIDTH = 120;
const INDENT = 2;

const isScalar = (value) => value === null || typeof value !== "object";

export function formatJson(value) {
  const lines = [];
  const emit = (node, depth, lead, trail) => {
    const pad = " ".repeat(depth * INDENT);
    if (Array.isArray(node)) {
      const inline = `[${node.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (node.every(isScalar) && pad.length + lead.length + inline.length + trail.length <= LINE_WIDTH) {
        lines.push(`${pad}${lead}${inline}${trail}`);
        return;
      }
      lines.push(`${pad}${lead}[`);
      for (const [index, item] of node.entries()) emit(item, depth + 1, "", index < node.length - 1 ? "," : "");
      lines.push(`${pad}]${trail}`);
    } else if (!isScalar(node)) {
      const entries = Object.entries(node);
      if (entries.length === 0) {
        lines.push(`${pad}${lead}{}${trail}`);
        return;
      }
      lines.push(`${pad}${lead}{`);
      for (const [index, [key, child]] of entries.entries()) {
        emit(child, depth + 1, `${JSON.stringify(key)}: `, index < entries.length - 1 ? "," : "");
      }
      lines.push(`${pad}}${trail}`);
    } else {
      lines.push(`${pad}${lead}${JSON.stringify(node)}${trail}`);
    }
  };
  emit(value, 0, "", "");
  return `${lines.join("\n")}\n`;
}
