// Instructions a request, counted by callgrind: the authorisation control receiver (as in
// webhook.mjs) against the bare node:http server, each once warm. A rate moves with whatever else
// the machine runs; a count of instructions does not, so this ratio holds from run to run where
// the throughput and p99 ratios of webhook.mjs cannot be told from noise. Optional: it needs
// valgrind, and takes about ten minutes (everything runs some fifty times slower under it).
// Slowed down that much, V8 may start a major collection while calls are counted, which it does
// not at full speed: each count says how much of it ran in major-collection code, and the ratio is
// also given without it.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { programInstalled } from "@enfuce-sdk/workspace";
import { Pool } from "undici";
import { authorisationCall, load } from "./webhook.mjs";

const VALGRIND_INSTALL_HINT = "apt-get update && apt-get install -y valgrind";
// Past 14,000 calls TurboFan has compiled the hot paths, and the in-memory decision store (10,000
// ids) is full: every later call also forgets an id, as in a long-running receiver. Counting from
// 3,000 calls took in about 17,000 instructions a call of compilation.
const WARM_UP = 14_000;
const COUNTED = 5_000;
const CONNECTIONS = 8;
const KINDS = ["bare", "authorisation"];
// Functions that run only in a major (mark-compact) collection; a scavenge runs none of them.
const MAJOR_COLLECTION = /MarkCompactCollector|ConcurrentMarking|IncrementalMarking|MarkingVisitor|Sweeper::RawSweep/;

/** Instructions in a callgrind output file spent in a major collection. */
function majorCollectionIn(counts) {
  const annotated = execFileSync("callgrind_annotate", ["--inclusive=no", "--threshold=100", counts], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let instructions = 0;
  for (const line of annotated.split("\n")) {
    const row = /^\s*([\d,]+) \(.*?\)\s+(.*)$/.exec(line);
    if (row && MAJOR_COLLECTION.test(row[2])) instructions += Number(row[1].replaceAll(",", ""));
  }
  return instructions;
}

/** Instructions a request of one server kind over COUNTED calls once warm, and those of a major collection. */
async function instructionsOf(kind, directory) {
  const counts = join(directory, `${kind}.out`);
  const server = spawn(
    "valgrind",
    [
      "--tool=callgrind",
      // V8 writes and rewrites machine code as it compiles.
      "--smc-check=all-non-file",
      "--instr-atstart=no",
      `--callgrind-out-file=${counts}`,
      process.execPath,
      // Compiling and collecting on background threads, which valgrind runs by turns with the main
      // one, V8 was still compiling while calls were counted (up to 7,700 instructions a call).
      // On the main thread, it compiles and collects as soon as it decides to, the same in every run.
      "--single-threaded",
      fileURLToPath(new URL("./webhook.mjs", import.meta.url)),
      "serve",
      kind,
    ],
    { stdio: ["ignore", "ignore", "pipe", "ipc"] },
  );
  let log = "";
  server.stderr.on("data", (chunk) => {
    log += chunk;
  });
  const exited = once(server, "exit");
  try {
    const [{ port }] = await Promise.race([
      once(server, "message"),
      exited.then(([code]) => {
        throw new Error(`the server exited (${code}) before it listened`);
      }),
    ]);
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS });
    const call = authorisationCall();
    await load(pool, call, WARM_UP, CONNECTIONS);
    const instrumentation = (state) =>
      execFileSync("callgrind_control", ["-i", state, String(server.pid)], { stdio: "pipe" });
    instrumentation("on");
    const { failed } = await load(pool, call, COUNTED, CONNECTIONS);
    instrumentation("off");
    await pool.close();
    if (failed > 0) throw new Error(`${failed} of ${COUNTED} calls were not answered with 2xx`);
  } catch (error) {
    throw new Error(`${kind} under callgrind: ${error.message}\n${log.slice(-2000)}`);
  } finally {
    server.kill();
  }
  await exited;
  const totals = /^totals: (\d+)/m.exec(readFileSync(counts, "utf8"));
  if (!totals) throw new Error(`${kind}: callgrind wrote no totals\n${log.slice(-2000)}`);
  return { total: Number(totals[1]) / COUNTED, majorCollection: majorCollectionIn(counts) / COUNTED };
}

if (!programInstalled("valgrind")) {
  console.log(`skipped: valgrind not found; install it: ${VALGRIND_INSTALL_HINT}`);
} else {
  console.log(
    `Instructions a request under callgrind: POST /auth, ${CONNECTIONS} connections, counted over ${COUNTED} calls after ${WARM_UP}`,
  );
  const directory = mkdtempSync(join(tmpdir(), "enfuce-instructions-"));
  try {
    const counts = {};
    for (const kind of KINDS) counts[kind] = await instructionsOf(kind, directory);
    console.table(
      KINDS.map((kind) => ({
        server: kind,
        "instructions/request": Math.round(counts[kind].total),
        "in major-collection code": Math.round(counts[kind].majorCollection),
      })),
    );
    const { bare, authorisation } = counts;
    const withoutMajor = (authorisation.total - authorisation.majorCollection) / (bare.total - bare.majorCollection);
    console.log(
      `receiver: ${(authorisation.total / bare.total).toFixed(3)}x the bare server's instructions, ${withoutMajor.toFixed(3)}x without major-collection code`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
