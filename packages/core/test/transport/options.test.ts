// The default transport's options: what Node's TLS receives, and which secrets the redactor is given.
import { rootCertificates } from "node:tls";
import { describe, expect, test } from "vitest";
import { checkTransportOptions, environmentHasProxy, tlsConnectOptions } from "../../src/transport/options";

const PEM = "-----BEGIN CERTIFICATE-----test";

describe("tlsConnectOptions", () => {
  test("extra CAs are added to Node's built-in roots, so public servers stay trusted", () => {
    const ca = tlsConnectOptions({ ca: [PEM, Buffer.from(PEM)] })?.ca ?? [];
    expect(ca).toEqual([...rootCertificates, PEM, Buffer.from(PEM)]);
  });

  test("a client certificate goes with its key and passphrase; the minimum version as given", () => {
    expect(tlsConnectOptions({ cert: "cert", key: "key", passphrase: "pass", minVersion: "TLSv1.3" })).toEqual({
      cert: "cert",
      key: "key",
      passphrase: "pass",
      minVersion: "TLSv1.3",
    });
  });

  test("no tls, no options: Node's defaults", () => {
    expect(tlsConnectOptions(undefined)).toBeUndefined();
  });
});

describe("checkTransportOptions", () => {
  test("a proxy's password is a secret in every form it could be printed in", () => {
    const { transport, secrets } = checkTransportOptions({ proxy: "http://svc:p%40ss@proxy.corp:3128" }, {});
    expect(transport.proxy).toBe("http://svc:p%40ss@proxy.corp:3128/");
    expect(secrets).toEqual(
      expect.arrayContaining(["p%40ss", "p@ss", Buffer.from("svc:p@ss").toString("base64"), "svc:p%40ss"]),
    );
  });

  test("so are the environment's proxy passwords, and a key's passphrase", () => {
    const { secrets } = checkTransportOptions(
      { tls: { passphrase: "key-passphrase" } },
      { HTTPS_PROXY: "http://env:env-secret@proxy:3128", http_proxy: "not a url" },
    );
    expect(secrets).toEqual(expect.arrayContaining(["env-secret", "key-passphrase"]));
  });

  test("a proxy without credentials holds no secret", () => {
    expect(checkTransportOptions({ proxy: "http://proxy.corp:3128" }, {}).secrets).toEqual([]);
  });

  test.each([
    { env: { HTTPS_PROXY: "http://proxy:3128" }, proxied: true },
    { env: { http_proxy: "http://proxy:3128" }, proxied: true },
    { env: { NO_PROXY: "*" }, proxied: false },
    { env: {}, proxied: false },
  ])("environment $env: proxied $proxied", ({ env, proxied }) => {
    expect(environmentHasProxy(env)).toBe(proxied);
  });
});
