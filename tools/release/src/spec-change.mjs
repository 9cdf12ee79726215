// The spec change of the second rehearsal run: a new operation in the instalment spec, which
// `enfuce-codegen bump` must see as minor and which consumers/upgrade/new-operation.ts calls.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

export const CHANGED_DOMAIN = "instalment";
export const NEW_PATH = "/v1/{instalmentId}/rehearsal-note";

const operation = {
  get: {
    operationId: "getInstalmentRehearsalNote",
    tags: ["Instalment Operations"],
    summary: "A note the release rehearsal adds to show a new operation reaching users",
    parameters: [
      { $ref: "#/components/parameters/InstalmentId" },
      { $ref: "./common/parameters.yaml#/components/parameters/AuditUser" },
    ],
    responses: {
      200: {
        description: "The note.",
        content: {
          "application/json": {
            schema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
            examples: { note: { value: { text: "published by the release rehearsal" } } },
          },
        },
      },
      401: { $ref: "./common/errors.yaml#/components/responses/Unauthorized" },
    },
  },
};

export function addRehearsalOperation(workspace) {
  const file = join(workspace, "specs", `${CHANGED_DOMAIN}.yaml`);
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(["paths", NEW_PATH], doc.createNode(operation));
  writeFileSync(file, doc.toString());
}
