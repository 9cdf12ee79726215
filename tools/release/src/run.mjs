// Runs a command to completion and keeps its output, so a failure can say what broke and show why.
import { spawn } from "node:child_process";

const TAIL_CHARS = 6000;

export class CommandError extends Error {
  constructor(command, code, output) {
    super(`\`${command}\` exited with ${code}`);
    this.name = "CommandError";
    this.command = command;
    this.output = output;
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv}} [options]
 * @returns {Promise<string>} stdout; a failure carries stdout and stderr interleaved
 */
export function run(command, args, { cwd, env } = {}) {
  const line = [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => reject(new CommandError(line, error.code, error.message)));
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new CommandError(line, code, output.slice(-TAIL_CHARS)));
    });
  });
}

/** The environment for npm in a consumer: none of the npm_* settings a `pnpm run` script inherits. */
export function cleanNpmEnv(extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
  );
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...extra };
}
