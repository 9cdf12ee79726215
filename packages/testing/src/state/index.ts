// Every stateful operation, by domain and operationId. An operation not listed here answers with
// its documented example (see engine/answer.ts).
import type { Handlers } from "../engine/handler";
import { accountHandlers } from "./accounts";
import { authorisationHandlers } from "./authorisations";
import { cardHandlers } from "./cards";
import { customerHandlers } from "./customers";
import { instalmentHandlers } from "./instalments";
import { transactionHandlers } from "./transactions";
import { transferHandlers } from "./transfers";

export const handlers: Handlers = {
  ...customerHandlers,
  ...accountHandlers,
  ...cardHandlers,
  ...transactionHandlers,
  ...instalmentHandlers,
  ...transferHandlers,
  ...authorisationHandlers,
};
