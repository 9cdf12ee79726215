// x-idempotency-key, as documented: the same key and request replay the first successful answer
// and create nothing; another request with the key is refused; errors are not kept; keys expire
// after 24 hours of sandbox time.
import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src";
import { type Clients, clientsOf, createCustomer } from "./support/world";

let sandbox: Sandbox;
let clients: Clients;
let customerId: string;

beforeEach(async () => {
  sandbox = createSandbox({ seed: "idempotency" });
  clients = clientsOf(sandbox);
  customerId = await createCustomer(clients);
});

const openAccount = (key: string, creditLimit = 100) =>
  clients.accounts.POST("/v4/CREDIT/customer/{customerId}", {
    params: { path: { customerId } },
    body: { creditLimit },
    idempotencyKey: key,
  });

describe("x-idempotency-key", () => {
  it("replays the answer for the same key and request, creating nothing new", async () => {
    const first = await openAccount("key-1");
    const again = await openAccount("key-1");
    expect(again).toEqual(first);
    expect(sandbox.state.accounts.size).toBe(1);
    expect(sandbox.requests.at(-1)?.replayed).toBe(true);
  });

  it("refuses the same key with another request", async () => {
    await openAccount("key-2", 100);
    const error = await openAccount("key-2", 200).catch((thrown: { status: number; body: unknown }) => thrown);
    expect(error).toMatchObject({
      status: 400,
      body: { errorReason: expect.stringContaining("x-idempotency-key key-2") },
    });
    expect(sandbox.state.accounts.size).toBe(1);
  });

  it("keeps no error, so a retry after one runs again", async () => {
    const stranger = clients.accounts.POST("/v4/CREDIT/customer/{customerId}", {
      params: { path: { customerId: "999" } },
      body: { creditLimit: 1 },
      idempotencyKey: "key-3",
    });
    await expect(stranger).rejects.toMatchObject({ status: 400 });
    await expect(
      clients.accounts.POST("/v4/CREDIT/customer/{customerId}", {
        params: { path: { customerId } },
        body: { creditLimit: 1 },
        idempotencyKey: "key-3",
      }),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("forgets a key after 24 hours", async () => {
    const first = await openAccount("key-4");
    sandbox.clock.advance({ hours: 24 });
    const later = await openAccount("key-4");
    expect(later.id).not.toBe(first.id);
    expect(sandbox.state.accounts.size).toBe(2);
  });

  it("makes a retry after a lost answer safe: the client retries with its key, one account exists", async () => {
    const retrying = clientsOf(sandbox, { maxRetries: 2 });
    sandbox.fail("POST /account/v4/CREDIT/customer/{customerId}", { drop: true, when: "after", times: 1 });
    const account = await retrying.accounts.POST("/v4/CREDIT/customer/{customerId}", {
      params: { path: { customerId } },
      body: { creditLimit: 5 },
      retryBackoff: { initialDelayMs: 1 },
    } as never);
    expect(sandbox.state.accounts.size).toBe(1);
    expect(sandbox.state.accounts.all()[0]?.id).toBe(account.id);
    expect(sandbox.requests.slice(-2).map((r) => [r.dropped ?? false, r.replayed ?? false])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
