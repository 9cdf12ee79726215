// All state of one sandbox, one table per resource family. `sandbox.reset()` empties it.
import type { AccountRecord } from "./accounts";
import type { AuthorisationRecord } from "./authorisations";
import type { ApplicationRecord, CardRecord } from "./cards";
import type { CustomerRecord } from "./customers";
import type { InstalmentRecord } from "./instalments";
import { Table } from "./table";
import type { TransactionRecord } from "./transactions";
import type { BatchRecord, TransferRecord } from "./transfers";

export class SandboxStore {
  readonly customers = new Table<CustomerRecord>("customer");
  readonly accounts = new Table<AccountRecord>("account");
  readonly cards = new Table<CardRecord>("card");
  readonly applications = new Table<ApplicationRecord>("card application");
  readonly transactions = new Table<TransactionRecord>("transaction");
  readonly instalments = new Table<InstalmentRecord>("instalment plan");
  readonly transfers = new Table<TransferRecord>("transfer");
  readonly batches = new Table<BatchRecord>("batch transfer");
  readonly authorisations = new Table<AuthorisationRecord>("authorisation");

  clear(): void {
    for (const table of Object.values(this)) if (table instanceof Table) table.clear();
  }
}
