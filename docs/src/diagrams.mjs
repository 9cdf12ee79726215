// Renders the Mermaid diagrams of the guides (site/diagrams/*.mmd) to SVG at build time, in Node,
// so the site ships pictures instead of a diagram library, and nothing is fetched to draw them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderMermaid } from "beautiful-mermaid";

// beautiful-mermaid's SVGs import the Inter web font from Google; the site uses the reader's fonts.
const WEB_FONT_IMPORT = /@import url\([^)]*\);?\s*/g;
// Dark enough to read on the light theme; the default greys are faint.
const COLOURS = { bg: "#ffffff", fg: "#1b1f24", line: "#57606a", muted: "#3d444d" };
const REMOTE_URL = /(?:https?:)?\/\/(?!www\.w3\.org\/)[^\s"')]+/;

export async function renderDiagrams(sourceDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith(".mmd"))) {
    const source = readFileSync(join(sourceDir, file), "utf8");
    const svg = (await renderMermaid(source, COLOURS)).replace(WEB_FONT_IMPORT, "");
    const remote = REMOTE_URL.exec(svg);
    if (remote) throw new Error(`${file}: the rendered SVG still refers to ${remote[0]}`);
    const name = file.replace(/\.mmd$/, ".svg");
    writeFileSync(join(outDir, name), svg);
    written.push(name);
  }
  return written;
}
