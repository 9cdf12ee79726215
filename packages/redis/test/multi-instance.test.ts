// Three notification receiver processes share one Redis; a sender delivers a few thousand
// notifications, each twice to two instances at once, and delivers again (to any instance) until
// acknowledged, as Enfuce does. First undisturbed: every notification is processed exactly once.
// Then one instance is killed mid-run and Redis restarted once: nothing is lost, and every
// notification processed twice is one the guarantee allows: one of its processings was on the
// killed instance (its claim ran out), or they straddle the restart (Redis forgot the id).
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WebhookStats } from "@enfuce-sdk/core";
import { type Notification, webhookSpec } from "@enfuce-sdk/notification";
import { type RunningRedis, startRedisServer } from "@enfuce-sdk/workspace";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { credentials, post } from "../../core/test/support/webhook-receiver";

const url = inject("redisUrl");
const NOTIFICATIONS = 1000;
const IN_FLIGHT = 48;
const INSTANCE_SCRIPT = fileURLToPath(new URL("./support/receiver-instance.mjs", import.meta.url));
const account = webhookSpec.operations.receiveNotification.requestExamples.account;

interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  readonly agent: Agent;
  readonly log: string;
  alive: boolean;
}

interface Processing {
  readonly instance: string;
  readonly at: number;
}

/** What the sender saw, by kind of answer. */
type Attempts = Record<
  "acknowledged" | "in-progress" | "store-unavailable" | "not-processed" | "connection-failed",
  number
>;

const attemptsText = (attempts: Attempts) =>
  `${attempts["in-progress"]} in-progress (503), ${attempts["store-unavailable"]} store-unavailable (503), ` +
  `${attempts["not-processed"]} not-processed (500) answers and ${attempts["connection-failed"]} failed connections`;

async function startInstance(name: string, redisUrl: string, keyPrefix: string, dir: string): Promise<Instance> {
  const log = join(dir, `${name}.log`);
  const child = fork(INSTANCE_SCRIPT, [], {
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      KEY_PREFIX: keyPrefix,
      LOG_FILE: log,
      WEBHOOK_USERNAME: credentials.username,
      WEBHOOK_PASSWORD: credentials.password,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [message] = (await once(child, "message")) as [{ port: number }];
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  return { name, child, url: `http://127.0.0.1:${message.port}`, agent, log, alive: true };
}

async function statsOf(instance: Instance): Promise<WebhookStats> {
  instance.child.send("stats");
  const [message] = (await once(instance.child, "message")) as [{ stats: WebhookStats }];
  return message.stats;
}

/** Every processing each instance logged, by notification id. */
function processingsOf(instances: readonly Instance[]): Map<string, Processing[]> {
  const byId = new Map<string, Processing[]>();
  for (const { name, log } of instances) {
    let text = "";
    try {
      text = readFileSync(log, "utf8");
    } catch {
      continue; // an instance that never processed anything wrote no file
    }
    for (const line of text.split("\n")) {
      if (!line) continue;
      const [id, at] = line.split("\t") as [string, string];
      byId.set(id, [...(byId.get(id) ?? []), { instance: name, at: Number(at) }]);
    }
  }
  return byId;
}

/**
 * Delivers each id twice, the two copies at once to two different instances, and each copy again
 * after any answer but 201 (to any instance) until one acknowledges it. `progress` is told how
 * many copies are acknowledged so far.
 */
async function deliverAll(
  ids: readonly string[],
  instances: readonly Instance[],
  progress: (acknowledged: number) => Promise<void> | void = () => {},
): Promise<Attempts> {
  const attempts: Attempts = {
    acknowledged: 0,
    "in-progress": 0,
    "store-unavailable": 0,
    "not-processed": 0,
    "connection-failed": 0,
  };
  const copies = ids.flatMap((id, index) => [
    { id, first: index % instances.length },
    { id, first: (index + 1) % instances.length },
  ]);
  let next = 0;
  const deliver = async ({ id, first }: { id: string; first: number }) => {
    const body = { ...account, id } as Notification;
    for (let attempt = 0; ; attempt++) {
      const to = instances[attempt === 0 ? first : Math.floor(Math.random() * instances.length)] as Instance;
      const reply = await post(to.url, "/v1/notification", { body, agent: to.agent }).catch(() => undefined);
      if (reply?.status === 201) {
        attempts.acknowledged++;
        return;
      }
      if (!reply) attempts["connection-failed"]++;
      else if (reply.status === 500) attempts["not-processed"]++;
      else if (reply.text.includes("being processed")) attempts["in-progress"]++;
      else if (reply.status === 503) attempts["store-unavailable"]++;
      else throw new Error(`delivery of ${id} answered ${reply.status}: ${reply.text}`);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  };
  const worker = async () => {
    while (next < copies.length) {
      await deliver(copies[next++] as { id: string; first: number });
      await progress(attempts.acknowledged);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return attempts;
}

describe.skipIf(url === null)("three receiver instances sharing one Redis", () => {
  let redis: RunningRedis;
  let dir: string;
  const instances: Instance[] = [];

  const startAll = async (run: string) => {
    for (const instance of instances.splice(0)) await stop(instance);
    for (const name of ["a", "b", "c"]) {
      instances.push(await startInstance(`${run}-${name}`, redis.url, `multi:${run}:`, dir));
    }
  };
  const stop = async (instance: Instance) => {
    instance.agent.destroy();
    if (!instance.alive) return;
    instance.alive = false;
    const exited = once(instance.child, "exit");
    instance.child.kill("SIGKILL");
    await exited;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    dir = mkdtempSync(join(tmpdir(), "enfuce-multi-instance-"));
  });
  afterAll(async () => {
    for (const instance of instances) await stop(instance);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("processes every notification exactly once", async () => {
    await startAll("clean");
    const ids = Array.from({ length: NOTIFICATIONS }, (_, index) => `clean-${index}`);
    const attempts = await deliverAll(ids, instances);
    const processings = processingsOf(instances);
    const stats = await Promise.all(instances.map(statsOf));
    const duplicates = stats.reduce((sum, { answers }) => sum + answers.duplicate, 0);
    console.info(
      `clean run: ${ids.length} notifications in ${ids.length * 2} deliveries over 3 instances; ` +
        `processed ${[...processings.values()].flat().length} times; ${duplicates} redeliveries acknowledged ` +
        `without processing; sender saw ${attemptsText(attempts)}`,
    );
    expect(attempts.acknowledged).toBe(ids.length * 2);
    expect([...processings.keys()].sort()).toEqual([...ids].sort());
    expect([...processings.values()].filter((each) => each.length !== 1)).toEqual([]);
  }, 120_000);

  it("loses nothing when an instance is killed mid-run and Redis restarts, and duplicates only where allowed", async () => {
    await startAll("chaos");
    const ids = Array.from({ length: NOTIFICATIONS }, (_, index) => `chaos-${index}`);
    const victim = instances[1] as Instance;
    let redisDownAt = Number.POSITIVE_INFINITY;
    let redisUpAt = Number.POSITIVE_INFINITY;
    let killing: Promise<void> | undefined;
    let restarting: Promise<void> | undefined;
    const attempts = await deliverAll(ids, instances, async (acknowledged) => {
      if (acknowledged >= ids.length * 0.6 && !killing) {
        killing = stop(victim);
      }
      if (acknowledged >= ids.length * 1.2 && !restarting) {
        restarting = (async () => {
          redisDownAt = Date.now();
          await redis.stop();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await redis.start();
          redisUpAt = Date.now();
        })();
      }
    });
    await Promise.all([killing, restarting]);
    const processings = processingsOf(instances);
    const repeated = [...processings.entries()].filter(([, each]) => each.length > 1);
    const afterKill = new Set(
      repeated.filter(([, each]) => each.some(({ instance }) => instance === victim.name)).map(([id]) => id),
    );
    const straddlesRestart = (each: Processing[]) =>
      Math.min(...each.map(({ at }) => at)) < redisUpAt && Math.max(...each.map(({ at }) => at)) > redisDownAt;
    const acrossRestart = repeated.filter(([id, each]) => !afterKill.has(id) && straddlesRestart(each));
    const unexplained = repeated.filter(([id, each]) => !afterKill.has(id) && !straddlesRestart(each));
    console.info(
      `chaos run: ${ids.length} notifications, instance ${victim.name} killed at 30% and Redis restarted at 60% ` +
        `of the deliveries; all ${processings.size} processed, ${repeated.length} of them more than once ` +
        `(${afterKill.size} involving the killed instance, ${acrossRestart.length} across the restart); sender saw ` +
        attemptsText(attempts),
    );
    expect(killing).toBeDefined();
    expect(restarting).toBeDefined();
    expect(attempts.acknowledged).toBe(ids.length * 2);
    expect([...processings.keys()].sort()).toEqual([...ids].sort());
    expect(unexplained).toEqual([]);
  }, 120_000);
});
