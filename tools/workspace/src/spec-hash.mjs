// The identity of a bundled spec: generated files carry it in their header, and the bump command
// reads two equal hashes as "nothing changed".
import { createHash } from "node:crypto";

/** sha256 (hex) of the bundled document's JSON. */
export const hashSpec = (doc) => createHash("sha256").update(JSON.stringify(doc)).digest("hex");
