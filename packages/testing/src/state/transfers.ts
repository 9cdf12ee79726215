// Transfers (Transfer API): account to account and card to card, one at a time or as a batch of
// account-to-account transfers whose items are paged with the `exclusiveStartKey` continuation.
// A transfer moves money at once: COMPLETED, or DEBIT_FAILED when the source cannot pay (nothing
// moves). Both sides must exist, be open and share the transfer's currency.
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { invalid } from "../engine/refusal";
import { type AccountRecord, requireOpenAccount } from "./accounts";
import { post, type TransactionRecord } from "./transactions";

export interface TransferRecord {
  readonly id: string;
  readonly type: "A2A" | "C2C";
  readonly fromId: string;
  readonly toId: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: string;
  readonly batchId?: string;
  readonly debitTransaction?: { id: string };
  readonly creditTransaction?: { id: string };
  readonly text?: string;
}

export interface BatchRecord {
  readonly id: string;
  readonly status: string;
  readonly startTime: string;
  readonly completionTime: string;
  readonly transferIds: string[];
  readonly totalAmount: Record<string, number>;
}

interface TransferRequest {
  amount: number;
  currency: string;
  text?: string;
}

function ledgerEntry(
  context: HandlerContext,
  account: AccountRecord,
  amount: number,
  text?: string,
): TransactionRecord {
  const now = context.clock.timestamp();
  post(account, amount);
  return context.store.transactions.insert({
    id: context.ids.next("transaction"),
    linkId: context.ids.next("transaction"),
    accountId: account.id,
    transactionDate: now,
    createdAt: now,
    postingDate: now,
    postingStatus: "POSTED",
    responseCode: "00",
    transactionAmount: { amount: Math.abs(amount), currency: account.currency },
    settlementAmount: { amount: Math.abs(amount), currency: account.currency },
    hold: 0,
    ...(text !== undefined && { text }),
  });
}

/** Moves `request.amount` between two open accounts; DEBIT_FAILED (nothing moved) when the source cannot pay. */
function transfer(
  context: HandlerContext,
  from: AccountRecord,
  to: AccountRecord,
  request: TransferRequest,
  record: Pick<TransferRecord, "type" | "fromId" | "toId"> & { batchId?: string },
  field: string,
): TransferRecord {
  for (const [account, side] of [
    [from, "from"],
    [to, "to"],
  ] as const) {
    if (account.currency !== request.currency) {
      throw invalid(field, `the ${side} account ${account.id} is in ${account.currency}, not ${request.currency}`);
    }
  }
  if (from.id === to.id) throw invalid(field, "the source and the destination are the same account");
  const id = context.ids.next("transfer");
  const base = {
    ...record,
    id,
    amount: request.amount,
    currency: request.currency,
    ...(request.text !== undefined && { text: request.text }),
  };
  if (from.available < request.amount) {
    return context.store.transfers.insert({ ...base, status: "DEBIT_FAILED" });
  }
  const debit = ledgerEntry(context, from, -request.amount, request.text);
  const credit = ledgerEntry(context, to, request.amount, request.text);
  return context.store.transfers.insert({
    ...base,
    status: "COMPLETED",
    debitTransaction: { id: debit.id },
    creditTransaction: { id: credit.id },
  });
}

const transferView = (context: HandlerContext, row: TransferRecord) => context.shape("TransferResponse", row);

function accountToAccount(call: OperationCall, context: HandlerContext): Answer {
  const body = bodyOf<TransferRequest & { fromAccountId: string; toAccountId: string }>(call);
  const from = requireOpenAccount(context, body.fromAccountId, "fromAccountId");
  const to = requireOpenAccount(context, body.toAccountId, "toAccountId");
  const row = transfer(context, from, to, body, { type: "A2A", fromId: from.id, toId: to.id }, "toAccountId");
  return success(call, transferView(context, row));
}

function cardToCard(call: OperationCall, context: HandlerContext): Answer {
  const body = bodyOf<TransferRequest & { fromCardId: string; toCardId: string }>(call);
  const fromCard = context.store.cards.require(body.fromCardId, "fromCardId");
  const toCard = context.store.cards.require(body.toCardId, "toCardId");
  const from = requireOpenAccount(context, fromCard.accountId, "fromCardId");
  const to = requireOpenAccount(context, toCard.accountId, "toCardId");
  const row = transfer(context, from, to, body, { type: "C2C", fromId: fromCard.id, toId: toCard.id }, "toCardId");
  return success(call, transferView(context, row));
}

function createBatch(call: OperationCall, context: HandlerContext): Answer {
  const { transfers } = bodyOf<{ transfers: (TransferRequest & { fromAccountId: string; toAccountId: string })[] }>(
    call,
  );
  // Every item is checked before any money moves, so a bad item refuses the whole batch.
  const pairs = transfers.map((item, index) => ({
    item,
    from: requireOpenAccount(context, item.fromAccountId, `transfers[${index}].fromAccountId`),
    to: requireOpenAccount(context, item.toAccountId, `transfers[${index}].toAccountId`),
    field: `transfers[${index}].toAccountId`,
  }));
  for (const { item, from, to, field } of pairs) {
    if (from.currency !== item.currency || to.currency !== item.currency) {
      throw invalid(field, `both accounts must be in ${item.currency}`);
    }
  }
  const id = context.ids.next("batch");
  const rows = pairs.map(({ item, from, to, field }) =>
    transfer(context, from, to, item, { type: "A2A", fromId: from.id, toId: to.id, batchId: id }, field),
  );
  const totalAmount: Record<string, number> = {};
  for (const row of rows) totalAmount[row.currency] = (totalAmount[row.currency] ?? 0) + row.amount;
  const failed = rows.filter((row) => row.status !== "COMPLETED").length;
  const now = context.clock.timestamp();
  const batch = context.store.batches.insert({
    id,
    status: failed === 0 ? "COMPLETED" : failed === rows.length ? "FAILED" : "COMPLETED_WITH_ERRORS",
    startTime: now,
    completionTime: now,
    transferIds: rows.map((row) => row.id),
    totalAmount,
  });
  return success(call, context.shape("BatchTransfer", batchView(context, batch)));
}

function batchView(context: HandlerContext, batch: BatchRecord) {
  const rows = batch.transferIds.map((id) => context.store.transfers.require(id, "id"));
  const failed = rows.filter((row) => row.status !== "COMPLETED").length;
  return {
    ...batch,
    transferItemCount: rows.length,
    successfulTransferItems: rows.length - failed,
    failedTransferItems: failed,
  };
}

/** Items after `exclusiveStartKey` (the `lastEvaluatedKey` of the previous page), `size` at a time. */
function itemPage(call: OperationCall, context: HandlerContext, batch: BatchRecord) {
  const size = typeof call.params.query.size === "number" ? call.params.query.size : 25;
  const startKey = call.params.query.exclusiveStartKey as { transferId?: string } | undefined;
  let start = 0;
  if (startKey?.transferId !== undefined) {
    const index = batch.transferIds.indexOf(startKey.transferId);
    if (index === -1)
      throw invalid(
        "exclusiveStartKey",
        `transferId ${JSON.stringify(startKey.transferId)} is not an item of batch ${batch.id}`,
      );
    start = index + 1;
  }
  const ids = batch.transferIds.slice(start, start + size);
  const items = ids.map((id) => context.shape("TransferItem", context.store.transfers.require(id, "id")));
  const last = ids.at(-1);
  const more = start + size < batch.transferIds.length;
  return {
    size: items.length,
    items,
    ...(more &&
      last !== undefined && {
        lastEvaluatedKey: {
          batchTransferId: batch.id,
          status: context.store.transfers.require(last, "id").status,
          transferId: last,
        },
      }),
  };
}

export const transferHandlers: Handlers = {
  transfer: {
    createAccountToAccountTransfer: accountToAccount,
    createCardToCardTransfer: cardToCard,
    createAccountToAccountBatchTransfer: createBatch,
    listAccountToAccountBatchTransfers: (call, context) =>
      success(
        call,
        context.store.batches.all().map((batch) => context.shape("BatchTransfer", batchView(context, batch))),
      ),
    getAccountToAccountBatchTransferStatus(call, context) {
      const batch = context.store.batches.require(pathParam(call, "id"), "id");
      return success(call, context.shape("BatchTransferStatus", batchView(context, batch)));
    },
    getAccountToAccountBatchTransfer(call, context) {
      const batch = context.store.batches.require(pathParam(call, "id"), "id");
      return success(call, {
        ...context.shape("BatchTransferStatus", batchView(context, batch)),
        transfers: itemPage(call, context, batch),
      });
    },
  },
};
