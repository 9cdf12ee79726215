// The routing step: how a call's attempts go out. Without middleware, on the default transport, a
// call openapi-fetch's rules can express as plain strings goes straight to the connections (no
// WHATWG Request or Response); any other goes through openapi-fetch, created on first need.
import type { Outbound } from "../outbound";
import type { AttemptRoute } from "./attempt";
import type { CallPlan } from "./plan";
import { wireRequestOf } from "./wire";

/** The route of every attempt of `plan`. Loading the transport is not part of any attempt's timeout. */
export async function routeCall(outbound: Outbound, plan: CallPlan): Promise<AttemptRoute> {
  const { connections } = outbound;
  if (connections && outbound.middleware.length === 0) {
    const wire = wireRequestOf(outbound.target, plan);
    if (wire) return { wire, dispatchers: connections.ready ?? (await connections.load()) };
  }
  return { client: await outbound.requestClient() };
}
