// Answers every request with 200 and a small JSON object, for the first-request measurements.
import { createServer } from "node:http";

const body = JSON.stringify({ id: "1", object: "customer" });
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
