// Reads files out of an npm tarball (gzipped ustar, every entry under package/).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const BLOCK = 512;
const text = (buffer, start, length) => buffer.toString("utf8", start, start + length).replace(/\0.*$/s, "");

/** @returns {Map<string, Buffer>} path inside the package (no `package/` prefix) -> content */
export function readTarball(file) {
  const tar = gunzipSync(readFileSync(file));
  const entries = new Map();
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const name = text(tar, offset, 100);
    if (!name) break;
    const prefix = text(tar, offset + 345, 155);
    const size = Number.parseInt(text(tar, offset + 124, 12).trim() || "0", 8);
    const type = text(tar, offset + 156, 1);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^[^/]+\//, "");
    if (type === "0" || type === "") entries.set(path, tar.subarray(offset + BLOCK, offset + BLOCK + size));
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
