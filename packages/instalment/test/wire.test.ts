import { ConfigurationError } from "@enfuce-sdk/core";
import { describe, expect, it } from "vitest";
import { createInstalmentClient } from "../src";

const credentials = { username: "issuer-user", password: "pä:ss wörd" };

/** A client whose transport records each Request instead of sending it. */
function recordingClient() {
  const requests: Request[] = [];
  const client = createInstalmentClient({
    baseUrl: "https://example.test/instalment",
    credentials,
    auditUser: "backoffice-sync",
    fetch: async (request) => {
      requests.push(request);
      return Response.json({ pagination: { page: 0, pages: 1, elements: 0, size: 30 }, data: [] });
    },
  });
  return { client, requests };
}

describe("what goes on the wire", () => {
  it("sends HTTP Basic as base64 of username:password in UTF-8 (RFC 7617)", async () => {
    const { client, requests } = recordingClient();
    await client.GET("/v1/account/{accountId}", { params: { path: { accountId: "677654434532" } } });
    const expected = `Basic ${Buffer.from("issuer-user:pä:ss wörd", "utf8").toString("base64")}`;
    expect(requests[0]?.headers.get("authorization")).toBe(expected);
  });

  it("adds the client's auditUser to every query, unless the call passes its own", async () => {
    const { client, requests } = recordingClient();
    await client.GET("/v1/account/{accountId}", { params: { path: { accountId: "1" }, query: { page: 2 } } });
    await client.GET("/v1/{instalmentId}", {
      params: { path: { instalmentId: "9" }, query: { auditUser: "night-batch" } },
    });
    const [first, second] = requests.map((request) => new URL(request.url));
    expect(first?.searchParams.get("auditUser")).toBe("backoffice-sync");
    expect(first?.searchParams.get("page")).toBe("2");
    expect(second?.searchParams.getAll("auditUser")).toEqual(["night-batch"]);
  });

  it("builds the documented server URL from environment and realm", async () => {
    const requests: Request[] = [];
    const client = createInstalmentClient({
      environment: "demo",
      realm: "test",
      credentials,
      auditUser: "backoffice-sync",
      fetch: async (request) => {
        requests.push(request);
        return Response.json({});
      },
    });
    expect(client.baseUrl).toBe("https://integration-api-cat2.demo.ext.test.cia.enfuce.com/instalment");
    await client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } });
    expect(new URL(requests[0]?.url ?? "").pathname).toBe("/instalment/v1/678543");
  });

  it.each(["a/b", "a?b=c", "a#b", "100%", "../../account", "x/../y"])(
    "percent-encodes path parameter %j into one segment of the same route",
    async (value) => {
      const { client, requests } = recordingClient();
      await client.GET("/v1/{instalmentId}/portions", { params: { path: { instalmentId: value } } });
      const url = new URL(requests[0]?.url ?? "");
      const segments = url.pathname.split("/");
      expect(segments).toHaveLength(5);
      expect(segments.slice(0, 3)).toEqual(["", "instalment", "v1"]);
      expect(decodeURIComponent(segments[3] ?? "")).toBe(value);
      expect(segments[4]).toBe("portions");
      expect(url.hash).toBe("");
      expect(url.searchParams.get("auditUser")).toBe("backoffice-sync");
    },
  );

  it.each(["", ".", ".."])(
    "refuses path parameter %j, which URL parsing would turn into another route",
    async (value) => {
      const { client, requests } = recordingClient();
      await expect(client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: value } } })).rejects.toThrow(
        ConfigurationError,
      );
      expect(requests).toHaveLength(0);
    },
  );

  it("URL-encodes filter expressions, parentheses and spaces included", async () => {
    const { client, requests } = recordingClient();
    const filter = client.filter("/v1/account/{accountId}").anyOf("status", ["WAITING", "OVERDUE"]);
    await client.GET("/v1/account/{accountId}", {
      params: { path: { accountId: "1" }, query: { filter: String(filter) } },
    });
    expect(requests[0]?.url).toContain("filter=%28status%20eq%20WAITING%20or%20status%20eq%20OVERDUE%29");
  });
});

// Behaviour against a server (typed data read back, paginate() over several pages, refusals as typed
// errors, credentials) is tested on the sandbox, which keeps state:
// packages/testing/test/client-behaviour.test.ts and paging.test.ts.
