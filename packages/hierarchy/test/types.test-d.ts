import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CardHierarchy,
  type CardHierarchyGroup,
  type CardHierarchyGroupType,
  createHierarchyClient,
  type GroupCardIds,
} from "../src";

const client = createHierarchyClient(typeTestOptions);

const inHierarchy = { cardHierarchyId: "100", groupId: "200" };

describe("hierarchy client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.POST("/v1/card-hierarchies", { body: { name: "Fleet 2025", active: false } });
    expectTypeOf(data).toEqualTypeOf<CardHierarchy | undefined>();
    expectTypeOf<CardHierarchy>().toEqualTypeOf<{ id: string; name: string; active: boolean }>();
    const groups = await client.GET("/v1/card-hierarchies/{cardHierarchyId}/groups", {
      params: { path: { cardHierarchyId: "100" }, query: { cardId: "123" } },
    });
    expectTypeOf(groups.data).toEqualTypeOf<CardHierarchyGroup[] | undefined>();
    const cards = await client.GET("/v1/card-hierarchies/{cardHierarchyId}/groups/{groupId}/cards", {
      params: { path: inHierarchy },
    });
    expectTypeOf(cards.data).toEqualTypeOf<GroupCardIds | undefined>();
  });

  it("narrows a group on its type", () => {
    const group = {} as CardHierarchyGroup;
    expectTypeOf(group.type).toEqualTypeOf<CardHierarchyGroupType>();
    // Open: a group type Enfuce adds stays possible until the known ones are ruled out.
    if (group.type === "CARD") expectTypeOf(group.type).toEqualTypeOf<"CARD" | (string & {})>();
    else expectTypeOf(group.type).toEqualTypeOf<"ROOT" | "INTERMEDIATE" | (string & {})>();
  });

  it("types the answers without a documented body as empty", async () => {
    const done = await client.POST("/v1/card-hierarchies/{cardHierarchyId}/activate", {
      params: { path: { cardHierarchyId: "100" } },
      throwOnError: true,
    });
    expectTypeOf(done).toEqualTypeOf<undefined>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.DELETE("/v1/card-hierarchies/{cardHierarchyId}/groups/{groupId}/cards/bulk", {
      params: { path: inHierarchy },
      body: { cardIds: ["123", "124"] },
    });
    await client.DELETE("/v1/card-hierarchies/{cardHierarchyId}", {
      params: { path: { cardHierarchyId: "100" }, query: { force: true } },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v1/hierarchies", {});
    await client.POST("/v1/card-hierarchies/{cardHierarchyId}/groups/{groupId}/cards/{cardId}", {
      // @ts-expect-error: the card id is missing
      params: { path: inHierarchy },
    });
    await client.POST("/v1/card-hierarchies/{cardHierarchyId}/groups", {
      params: { path: { cardHierarchyId: "100" } },
      // @ts-expect-error: ROOT groups come with their hierarchy and cannot be created
      body: { name: "Top", parentId: "100", type: "ROOT" },
    });
    await client.POST("/v1/card-hierarchies/{cardHierarchyId}/groups/{groupId}/cards/move/bulk", {
      params: { path: inHierarchy },
      // @ts-expect-error: the target group is required
      body: { cardIds: ["123"] },
    });
  });
});
