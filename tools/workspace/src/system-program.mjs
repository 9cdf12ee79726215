// Whether a program the tests or the bench need from the system (redis-server, valgrind) is there,
// so each can say in one line that it skipped and how to install it.
import { spawnSync } from "node:child_process";

/** Whether `program --version` runs and succeeds. */
export const programInstalled = (program) => spawnSync(program, ["--version"], { stdio: "ignore" }).status === 0;
