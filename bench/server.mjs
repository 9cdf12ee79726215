// The server the bench measures against, run in its own process so that its work does not count
// against the clients. It answers one request shape with one fixed JSON body, and anything else
// with 400, so a client that sends a different request fails the run instead of skewing it.
import { createServer } from "node:http";

const [expectedUrl, expectedAuthorization, fixture] = process.argv.slice(2);
const body = Buffer.from(fixture);

const server = createServer((req, res) => {
  req.resume();
  const same = req.method === "GET" && req.url === expectedUrl && req.headers.authorization === expectedAuthorization;
  res.writeHead(same ? 200 : 400, { "content-type": "application/json", "content-length": same ? body.length : 2 });
  res.end(same ? body : "{}");
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
// Stops with its parent, however the parent ends.
process.on("disconnect", () => process.exit(0));
