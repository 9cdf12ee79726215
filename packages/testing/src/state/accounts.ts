// Accounts (Account Details API): creates per account type, updates and status changes, the
// property actions, lookups, and the lists per customer and parent account. Balances move with the
// authorisations, clearings and transfers of the other families (see transactions.ts, transfers.ts).
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { pageOf } from "../engine/paging";
import { conflict, invalid, notFound } from "../engine/refusal";

export interface AccountRecord {
  readonly id: string;
  readonly customerId: string;
  /** The type segment it was created with: CREDIT, DEBIT, PREPAID, FLEET or a multi-currency template. */
  readonly type: string;
  number: string | number;
  status: string;
  currency: string;
  creditLimit: number;
  /** Posted balance; purchases lower it. */
  balance: number;
  /** What can still be spent: credit limit + balance - authorisation holds. */
  available: number;
  parentId?: string;
  [member: string]: unknown;
}

const CLOSED = new Set(["ACCOUNT_CLOSED", "ACCOUNT_AUTO_CLOSED"]);
export const isAccountClosed = (account: AccountRecord) => CLOSED.has(account.status);

/** The account, refused when it is closed and a change was asked for. */
export function requireOpenAccount(context: HandlerContext, id: string, field: string): AccountRecord {
  const account = context.store.accounts.require(id, field);
  if (isAccountClosed(account)) throw conflict(`account ${account.id} is closed (${account.status})`, field);
  return account;
}

function notifyAccount(context: HandlerContext, account: AccountRecord, subType: string): void {
  const customer = context.store.customers.get(account.customerId);
  context.notify({
    type: "ACCOUNT",
    subType,
    accountId: account.id,
    customerNumber: customer?.customerNumber ?? account.customerId,
    status: account.status,
  });
}

/** Sets a new status, with the notification Enfuce sends for it. */
export function changeAccountStatus(context: HandlerContext, account: AccountRecord, status: string): void {
  if (account.status === status) return;
  account.status = status;
  notifyAccount(context, account, "STATUS_CHANGE");
}

function uniqueNumber(context: HandlerContext, number: unknown, except?: string): void {
  if (number === undefined) return;
  const taken = context.store.accounts.find((row) => String(row.number) === String(number) && row.id !== except);
  if (taken) throw conflict(`account number ${JSON.stringify(number)} is already used`, "number");
}

const currencyOfTemplate = (type: string, fallback: string) => /^MULTICURR_([A-Z]{3})_/.exec(type)?.[1] ?? fallback;

const create =
  (fixedType?: string) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const customer = context.store.customers.require(pathParam(call, "customerId"), "customerId");
    const body = bodyOf(call);
    const type = fixedType ?? String(call.params.path.multiCurr ?? body.accountTemplate);
    uniqueNumber(context, body.number);
    if (body.parentId !== undefined) context.store.accounts.require(String(body.parentId), "parentId");
    const creditLimit = typeof body.creditLimit === "number" ? body.creditLimit : 0;
    const account = context.store.accounts.insert({
      ...body,
      id: context.ids.next("account"),
      customerId: customer.id,
      type,
      number: (body.number as string | number | undefined) ?? context.ids.next("accountNumber"),
      status: "ACCOUNT_OK",
      currency: currencyOfTemplate(type, context.currency),
      creditLimit,
      balance: 0,
      available: creditLimit,
      ...(body.parentId !== undefined && { parentId: String(body.parentId) }),
    });
    notifyAccount(context, account, "CREATED");
    return success(call, { id: account.id });
  };

/** Applies an update body; `type` (when given) must be the account's own. */
const update =
  (fixedType?: string) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const field = "id";
    const account = requireOpenAccount(context, pathParam(call, field), field);
    const type = fixedType ?? (call.params.path.multiCurr as string | undefined);
    if (type !== undefined && account.type !== type) {
      throw invalid(field, `account ${account.id} is a ${account.type} account; update it with its own type`);
    }
    const { status, creditLimit, customerId, parentId, ...rest } = bodyOf(call);
    uniqueNumber(context, rest.number, account.id);
    if (customerId !== undefined) context.store.customers.require(String(customerId), "customerId");
    if (parentId !== undefined) context.store.accounts.require(String(parentId), "parentId");
    Object.assign(account, rest);
    if (customerId !== undefined) Object.assign(account, { customerId: String(customerId) });
    if (parentId !== undefined) account.parentId = String(parentId);
    if (typeof creditLimit === "number") {
      account.available += creditLimit - account.creditLimit;
      account.creditLimit = creditLimit;
    }
    if (typeof status === "string") changeAccountStatus(context, account, status);
    return success(call, { id: account.id });
  };

/** The action of `POST /v3/{id}/update/{propertyToUpdate}`. */
function propertyAction(call: OperationCall, context: HandlerContext): Answer {
  const account = requireOpenAccount(context, pathParam(call, "id"), "id");
  switch (call.params.path.propertyToUpdate) {
    case "DELETE_ADDRESS":
      delete account.address;
      break;
    case "DELETE_EINVOICE_ADDRESS_AND_OPERATOR":
      delete account.eInvoice;
      break;
    case "WRITE_OFF":
      account.available -= account.balance;
      account.balance = 0;
      break;
    case "IMMEDIATE_ACCOUNT_CLOSE":
      changeAccountStatus(context, account, "ACCOUNT_CLOSED");
      break;
  }
  return success(call, { id: account.id });
}

const views = (call: OperationCall, context: HandlerContext, schema: string, rows: AccountRecord[]) =>
  success(
    call,
    pageOf(rows, call).items.map((row) => context.shape(schema, row)),
  );

const accountsOfCustomer = (schema: string) => (call: OperationCall, context: HandlerContext) => {
  const customer = context.store.customers.require(pathParam(call, "customerId"), "customerId");
  return views(
    call,
    context,
    schema,
    context.store.accounts.filter((row) => row.customerId === customer.id),
  );
};

/** The v3 view names the template `accountTemplate`. */
const v3View = (context: HandlerContext, account: AccountRecord) =>
  context.shape("AccountV3", { ...account, accountTemplate: account.accountTemplate ?? account.type });

export const accountHandlers: Handlers = {
  account: {
    createCreditAccountV4UsingPOST: create("CREDIT"),
    createDebitAccountV4UsingPOST: create("DEBIT"),
    createPrepaidAccountV4UsingPOST: create("PREPAID"),
    createFleetAccountV4UsingPOST: create("FLEET"),
    createMultiCurrencyAccountV4UsingPOST: create(),
    createAccountUsingPOST: create(),
    updateCreditAccountV4UsingPATCH: update("CREDIT"),
    updateCreditAccountReminderV4UsingPATCH: update("CREDIT"),
    updateDebitAccountV4UsingPATCH: update("DEBIT"),
    updatePrepaidAccountV4UsingPATCH: update("PREPAID"),
    updateFleetAccountV4UsingPATCH: update("FLEET"),
    updateMultiCurrencyAccountV4UsingPATCH: update(),
    updateAccountUsingPATCH: update(),
    updateAccountPropertyUsingPOST: propertyAction,
    getAccountV4UsingGET: (call, context) =>
      success(call, context.shape("Account", context.store.accounts.require(pathParam(call, "id"), "id"))),
    getAccountUsingGET: (call, context) =>
      success(call, v3View(context, context.store.accounts.require(pathParam(call, "id"), "id"))),
    getAccountByAccountNumberV4UsingGET(call, context) {
      const number = pathParam(call, "accountNumber");
      const account = context.store.accounts.find((row) => String(row.number) === number);
      if (!account) throw notFound(`account with number ${JSON.stringify(number)}`, "accountNumber");
      return success(call, context.shape("Account", account));
    },
    getAccountsByCustomerIdV4UsingGET: accountsOfCustomer("AccountSummary"),
    getAccountsByCustomerIdUsingGET: accountsOfCustomer("AccountSummaryV3"),
    getSubAccountsV4UsingGET(call, context) {
      const parent = context.store.accounts.require(pathParam(call, "accountId"), "accountId");
      return views(
        call,
        context,
        "AccountSummary",
        context.store.accounts.filter((row) => row.parentId === parent.id),
      );
    },
  },
};
