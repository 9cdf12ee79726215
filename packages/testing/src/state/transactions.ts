// Transactions (Transaction details API) and the money they move: authorisations hold funds on the
// account, clearings post them (and release the hold of the authorisation they match by
// authorisation code), credits pay them back. Created by the Test API's authorisation simulation
// (authorisations.ts) and the Transaction API's test endpoints; listed and paged per account and
// per card, newest first.
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { pageOf } from "../engine/paging";
import { invalid } from "../engine/refusal";
import type { AccountRecord } from "./accounts";
import { isAccountClosed } from "./accounts";
import type { CardRecord } from "./cards";

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface TransactionRecord {
  readonly id: string;
  readonly accountId: string;
  readonly cardId?: string;
  readonly linkId: string;
  readonly transactionDate: string;
  readonly createdAt: string;
  postingDate?: string;
  /** PENDING (authorised, held), POSTED (cleared), CLOSED (authorisation cleared or reversed), REJECTED (declined). */
  postingStatus: string;
  readonly responseCode: string;
  readonly transactionAmount: Money;
  readonly settlementAmount: Money;
  /** What this authorisation still holds on the account. */
  hold: number;
  [member: string]: unknown;
}

/** Response codes the sandbox gives for Enfuce's own refusals (ISO 8583 meanings). */
export const RESPONSE_CODES = {
  approved: "00",
  insufficientFunds: "51",
  lostCard: "41",
  stolenCard: "43",
  expiredCard: "54",
  restrictedCard: "62",
  closedAccount: "46",
} as const;

/** Enfuce's own checks before an authorisation is decided: the card and account must be usable. */
export function refusalCode(card: CardRecord, account: AccountRecord): string | undefined {
  if (isAccountClosed(account)) return RESPONSE_CODES.closedAccount;
  if (account.status !== "ACCOUNT_OK") return RESPONSE_CODES.restrictedCard;
  switch (card.status) {
    case "CARD_OK":
      return undefined;
    case "CARD_LOST":
      return RESPONSE_CODES.lostCard;
    case "CARD_STOLEN":
      return RESPONSE_CODES.stolenCard;
    case "CARD_EXPIRED":
      return RESPONSE_CODES.expiredCard;
    default:
      return RESPONSE_CODES.restrictedCard;
  }
}

/** The card and its account, both known. */
export function cardAndAccount(context: HandlerContext, cardId: string, field: string) {
  const card = context.store.cards.require(cardId, field);
  const account = context.store.accounts.require(card.accountId, field);
  return { card, account };
}

export interface NewTransaction {
  readonly card: CardRecord;
  readonly account: AccountRecord;
  readonly amount: Money;
  readonly settlement: number;
  readonly responseCode: string;
  readonly postingStatus: string;
  readonly fields?: Record<string, unknown>;
}

/** Records a transaction; an approved authorisation (PENDING) holds its settlement amount. */
export function recordTransaction(context: HandlerContext, spec: NewTransaction): TransactionRecord {
  const now = context.clock.timestamp();
  const { account, card } = spec;
  const hold = spec.postingStatus === "PENDING" ? spec.settlement : 0;
  account.available -= hold;
  return context.store.transactions.insert({
    ...spec.fields,
    id: context.ids.next("transaction"),
    linkId: context.ids.next("transaction"),
    accountId: account.id,
    cardId: card.id,
    transactionDate: now,
    createdAt: now,
    postingStatus: spec.postingStatus,
    responseCode: spec.responseCode,
    transactionAmount: spec.amount,
    settlementAmount: { amount: spec.settlement, currency: account.currency },
    hold,
  });
}

/** Releases what an authorisation still holds (all of it, or `amount`); returns what was released. */
export function releaseHold(
  context: HandlerContext,
  transaction: TransactionRecord,
  amount = transaction.hold,
): number {
  const released = Math.min(amount, transaction.hold);
  const account = context.store.accounts.require(transaction.accountId, "accountId");
  account.available += released;
  transaction.hold -= released;
  if (transaction.hold === 0 && transaction.postingStatus === "PENDING") transaction.postingStatus = "CLOSED";
  return released;
}

/** Posts a cleared amount: a debit lowers balance and available, a credit raises them. */
export function post(account: AccountRecord, amount: number): void {
  account.balance += amount;
  account.available += amount;
}

/** The Transaction notification Enfuce sends for an authorisation. */
export function notifyAuthorisation(context: HandlerContext, transaction: TransactionRecord): void {
  const account = context.store.accounts.require(transaction.accountId, "accountId");
  const customer = context.store.customers.get(account.customerId);
  context.notify({
    type: "TRANSACTION",
    subType: "AUTH",
    accountId: account.id,
    cardId: transaction.cardId,
    customerNumber: customer?.customerNumber ?? account.customerId,
    responseCode: transaction.responseCode,
    settlementAmount: transaction.settlementAmount,
    accountAvailableAmount: { amount: account.available, currency: account.currency },
    accountCreditLimit: { amount: account.creditLimit, currency: account.currency },
    ...(transaction.merchant ? { merchant: transaction.merchant } : {}),
  });
}

interface TestTransaction {
  settlementAmount: number;
  transactionAmount: number;
  transactionCurrency: string;
  transactionCountry: string;
  transactionType: string;
  transactionCity: string;
  transactionDetails: string;
  sicCode: string;
  merchantId?: string;
  authCode?: string;
  transactionDate?: string;
}

// Test transaction types that pay money back to the cardholder.
const CREDIT_TYPES = new Set(["CREDIT", "CHPAYMENT"]);

const merchantOf = (body: TestTransaction) => ({
  ...(body.merchantId !== undefined && { id: body.merchantId }),
  city: body.transactionCity,
  country: body.transactionCountry,
  mcc: Number(body.sicCode),
  name: body.transactionDetails,
});

/** `POST /test-api/card/{cardId}`: a cleared (posted) transaction, matching an authorisation by its code. */
function postTestTransaction(call: OperationCall, context: HandlerContext): Answer {
  const { card, account } = cardAndAccount(context, pathParam(call, "cardId"), "cardId");
  const body = bodyOf<TestTransaction>(call);
  const matched = body.authCode
    ? context.store.transactions.find(
        (row) => row.cardId === card.id && row.authorizationCode === body.authCode && row.hold > 0,
      )
    : undefined;
  if (matched) releaseHold(context, matched);
  const credit = CREDIT_TYPES.has(body.transactionType);
  post(account, credit ? body.settlementAmount : -body.settlementAmount);
  const transaction = recordTransaction(context, {
    card,
    account,
    amount: { amount: body.transactionAmount, currency: body.transactionCurrency },
    settlement: body.settlementAmount,
    responseCode: RESPONSE_CODES.approved,
    postingStatus: "POSTED",
    fields: {
      postingDate: context.clock.timestamp(),
      merchant: merchantOf(body),
      ...(body.authCode !== undefined && { authorizationCode: body.authCode }),
      ...(matched && { linkId: matched.linkId }),
    },
  });
  return success(call, { id: transaction.id });
}

/** `POST /test-api/authorization/card/{cardId}`: an authorisation Enfuce decides alone; no notification is sent. */
function postTestAuthorisation(call: OperationCall, context: HandlerContext): Answer {
  const { card, account } = cardAndAccount(context, pathParam(call, "cardId"), "cardId");
  const body = bodyOf<TestTransaction>(call);
  const responseCode =
    refusalCode(card, account) ??
    (account.available >= body.settlementAmount ? RESPONSE_CODES.approved : RESPONSE_CODES.insufficientFunds);
  const approved = responseCode === RESPONSE_CODES.approved;
  const transaction = recordTransaction(context, {
    card,
    account,
    amount: { amount: body.transactionAmount, currency: body.transactionCurrency },
    settlement: body.settlementAmount,
    responseCode,
    postingStatus: approved ? "PENDING" : "REJECTED",
    fields: {
      transactionType: { authorizationType: "AUTH" },
      merchant: merchantOf(body),
      authorizationCode: body.authCode ?? (approved ? context.ids.next("authCode") : undefined),
    },
  });
  return success(call, { id: transaction.id });
}

/** The transactions the optional `fromDate`/`toDate` pair selects, newest first. */
function inPeriod(call: OperationCall, rows: TransactionRecord[]): TransactionRecord[] {
  const { fromDate, toDate } = call.params.query as { fromDate?: string; toDate?: string };
  if ((fromDate === undefined) !== (toDate === undefined)) {
    const missing = fromDate === undefined ? "fromDate" : "toDate";
    throw invalid(
      missing,
      `query parameter ${missing} is required together with ${missing === "fromDate" ? "toDate" : "fromDate"}`,
    );
  }
  const from = fromDate === undefined ? Number.NEGATIVE_INFINITY : Date.parse(fromDate);
  const to = toDate === undefined ? Number.POSITIVE_INFINITY : Date.parse(toDate);
  return rows
    .filter((row) => Date.parse(row.transactionDate) >= from && Date.parse(row.transactionDate) <= to)
    .reverse();
}

const list = (owner: "accountId" | "cardId") => (call: OperationCall, context: HandlerContext) => {
  const id = pathParam(call, owner);
  (owner === "accountId" ? context.store.accounts : context.store.cards).require(id, owner);
  const rows = inPeriod(
    call,
    context.store.transactions.filter((row) => row[owner] === id),
  );
  return success(
    call,
    pageOf(rows, call).items.map((row) => context.shape("Transaction", row)),
  );
};

export const transactionHandlers: Handlers = {
  transaction: {
    postTestTransactionToCard: postTestTransaction,
    postTestAuthorizationToCard: postTestAuthorisation,
    getTransactionsByAccountId: list("accountId"),
    getTransactionsByCardId: list("cardId"),
    getTransactionById: (call, context) =>
      success(call, context.shape("Transaction", context.store.transactions.require(pathParam(call, "id"), "id"))),
  },
};
