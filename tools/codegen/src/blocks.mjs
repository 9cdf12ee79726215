// Generated Markdown: blocks inside hand-written files (everything between a block's two markers
// is rewritten by `pnpm generate` and compared by `pnpm check:generated`; the rest is left alone),
// and table cells.

/** Text made safe for one Markdown table cell. */
export const cell = (text) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\s+/g, " ")
    .trim();

export const blockStart = (name) => `<!-- ${name}:start (generated from the spec by \`pnpm generate\`) -->`;
export const blockEnd = (name) => `<!-- ${name}:end -->`;

/** `text` with block `name` holding `content`; a missing block is appended under `## heading`. */
export function replaceBlock(text, name, content, heading) {
  const start = blockStart(name);
  const end = blockEnd(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) return `${text.trimEnd()}\n\n## ${heading}\n\n${start}\n${content}\n${end}\n`;
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
