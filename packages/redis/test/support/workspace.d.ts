// The part of the private workspace module (tools/workspace, plain JavaScript) these tests use.
declare module "@enfuce-sdk/workspace" {
  export const REDIS_INSTALL_HINT: string;
  export function redisServerInstalled(): boolean;

  export interface RunningRedis {
    readonly port: number;
    readonly url: string;
    /** Starts the server again on the same port, empty. */
    start(): Promise<void>;
    /** Kills the server; everything it held is gone, as after a crash of a Redis without persistence. */
    stop(): Promise<void>;
  }
  export function startRedisServer(): Promise<RunningRedis>;
}
