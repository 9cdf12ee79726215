// `listen()`: the same sandbox over real HTTP on 127.0.0.1, for code that takes a base URL only.
import { ConnectionError } from "@enfuce-sdk/core";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { clientsOf, issueCard } from "./support/world";

const sandbox = createSandbox({ seed: "http" });
afterEach(() => sandbox.close());

describe("listen()", () => {
  it("serves the sandbox on a free port of 127.0.0.1, and url() points there", async () => {
    expect(sandbox.url("instalment")).toBe("https://sandbox.enfuce.invalid/instalment");
    const origin = await sandbox.listen();
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.url("instalment")).toBe(`${origin}/instalment`);
    expect(await sandbox.listen()).toBe(origin);

    // Created in-process, read over the socket: one sandbox behind both.
    const { accountId } = await issueCard(clientsOf(sandbox));
    const accounts = await fetch(`${sandbox.url("account")}/v4/${accountId}?auditUser=t`, {
      headers: { authorization: `Basic ${Buffer.from("sandbox:sandbox-password").toString("base64")}` },
    });
    expect(accounts.status).toBe(200);
    expect(await accounts.json()).toMatchObject({ id: accountId, creditLimit: 1000 });
  });

  it("drops the socket for a dropped-connection fault", async () => {
    await sandbox.listen();
    sandbox.fail("getInstalmentById", { drop: true, times: 1 });
    const instalments = createInstalmentClient({
      baseUrl: sandbox.url("instalment"),
      credentials: sandbox.credentials,
      auditUser: "t",
      maxRetries: 0,
      throwOnError: true,
    });
    await expect(
      instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } }),
    ).rejects.toBeInstanceOf(ConnectionError);
    const { response } = await createInstalmentClient({
      baseUrl: sandbox.url("instalment"),
      credentials: sandbox.credentials,
      auditUser: "t",
      maxRetries: 0,
    }).GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } });
    expect(response.status).toBe(404);
  });

  it("stops on close(), after which url() is fetch-only again", async () => {
    const origin = await sandbox.listen();
    await sandbox.close();
    expect(sandbox.url("card")).toBe("https://sandbox.enfuce.invalid/card");
    await expect(fetch(`${origin}/card/v4/1`)).rejects.toThrow();
  });
});
