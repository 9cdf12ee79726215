// `sandbox.state`: read-only copies of what the sandbox holds, for assertions. Changing a copy
// changes nothing; change state through the API, as your code does.
import type { AccountRecord } from "./state/accounts";
import type { AuthorisationRecord } from "./state/authorisations";
import type { ApplicationRecord, CardRecord } from "./state/cards";
import type { CustomerRecord } from "./state/customers";
import type { InstalmentRecord } from "./state/instalments";
import type { SandboxStore } from "./state/store";
import type { Table } from "./state/table";
import type { TransactionRecord } from "./state/transactions";
import type { BatchRecord, TransferRecord } from "./state/transfers";

export interface StateReader<Row> {
  get(id: string | number): Row | undefined;
  /** Every row, in creation order. */
  all(): Row[];
  readonly size: number;
}

export interface SandboxState {
  readonly customers: StateReader<CustomerRecord>;
  readonly accounts: StateReader<AccountRecord>;
  readonly cards: StateReader<CardRecord>;
  readonly cardApplications: StateReader<ApplicationRecord>;
  readonly transactions: StateReader<TransactionRecord>;
  readonly instalments: StateReader<InstalmentRecord>;
  readonly transfers: StateReader<TransferRecord>;
  readonly batchTransfers: StateReader<BatchRecord>;
  /** The Test API's simulated authorisations, keyed by the `metadata.id` they answered with. */
  readonly authorisations: StateReader<AuthorisationRecord>;
}

function reader<Row extends { readonly id: string }>(table: Table<Row>): StateReader<Row> {
  return {
    get: (id) => {
      const row = table.get(id);
      return row === undefined ? undefined : structuredClone(row);
    },
    all: () => structuredClone(table.all()),
    get size() {
      return table.size;
    },
  };
}

export function stateView(store: SandboxStore): SandboxState {
  return {
    customers: reader(store.customers),
    accounts: reader(store.accounts),
    cards: reader(store.cards),
    cardApplications: reader(store.applications),
    transactions: reader(store.transactions),
    instalments: reader(store.instalments),
    transfers: reader(store.transfers),
    batchTransfers: reader(store.batches),
    authorisations: reader(store.authorisations),
  };
}
