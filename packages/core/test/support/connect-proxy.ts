// A forward proxy on 127.0.0.1 that only tunnels (CONNECT), as corporate proxies do for HTTPS, and
// records every tunnel asked for. With credentials it answers 407 to a tunnel without them.
import { once } from "node:events";
import { createServer } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";

export interface Tunnel {
  readonly authority: string;
  readonly proxyAuthorization: string | undefined;
}

export interface ConnectProxy {
  readonly url: string;
  readonly tunnels: Tunnel[];
  close(): Promise<void>;
}

export async function startConnectProxy(credentials?: { username: string; password: string }): Promise<ConnectProxy> {
  const expected =
    credentials && `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  const tunnels: Tunnel[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => res.writeHead(405, { allow: "CONNECT" }).end());
  server.on("connect", (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on("error", () => client.destroy());
    tunnels.push({ authority: req.url ?? "", proxyAuthorization: req.headers["proxy-authorization"] });
    if (expected && req.headers["proxy-authorization"] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
