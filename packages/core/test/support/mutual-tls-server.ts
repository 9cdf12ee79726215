// An HTTPS server on 127.0.0.1 with a certificate from the test PKI that refuses any client without
// a certificate from the same CA, and answers with the name on the certificate it saw.
import { once } from "node:events";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import type { Pki } from "./certificates";

export interface MutualTlsServer {
  readonly url: string;
  /** The common name of each client certificate that got an answer, in order. */
  readonly clients: readonly string[];
  close(): Promise<void>;
}

export async function startMutualTlsServer(
  pki: Pki,
  options: { maxVersion?: "TLSv1.2" } = {},
): Promise<MutualTlsServer> {
  const clients: string[] = [];
  const server = createServer(
    {
      key: pki.server.key,
      cert: pki.server.cert,
      ca: [pki.ca],
      requestCert: true,
      rejectUnauthorized: true,
      ...options,
    },
    (req, res) => {
      const name = String((req.socket as TLSSocket).getPeerCertificate().subject.CN);
      clients.push(name);
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "item-1", client: name }));
    },
  );
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clients,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
