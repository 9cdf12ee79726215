// Cards (Card API): orders per brand (and the multi-application card), updates with status
// changes such as block, unblock and close, the property actions, lookups by id and reference
// number, and the lists per account and customer. A card cannot be ordered on a closed account,
// and a closed card stays closed.
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { pageOf } from "../engine/paging";
import { conflict, invalid, notFound } from "../engine/refusal";
import { requireOpenAccount } from "./accounts";

export interface CardRecord {
  readonly id: string;
  readonly customerId: string;
  readonly accountId: string;
  /** The brand segment it was ordered with: MC_CARD, DEBIT_VISA, ..., MULTI_APPLICATION_CARD, or V3. */
  readonly type: string;
  readonly cardRole: string;
  status: string;
  truncatedCardNumber: string;
  referenceNumber: string;
  expiration: { year: number; month: number };
  [member: string]: unknown;
}

export interface ApplicationRecord {
  readonly id: string;
  readonly cardId: string;
  accountId?: string;
  status: string;
  [member: string]: unknown;
}

/** Statuses a card does not leave (the payment-cards guide calls them final). */
const FINAL_STATUSES = new Set(["CARD_CLOSED", "CARD_CLOSED_DUE_TO_FRAUD", "CARD_EXPIRED"]);
export const isCardUsable = (card: CardRecord) => card.status === "CARD_OK";

function cardNumber(context: HandlerContext, type: string): string {
  const first = type.includes("VISA") ? "4" : "5";
  return `${first}${context.ids.next("card").slice(0, 5)}______${context.ids.next("authCode").slice(0, 4)}`;
}

function expirationOf(context: HandlerContext, given: unknown): CardRecord["expiration"] {
  if (typeof given === "object" && given !== null && "year" in given && "month" in given) {
    return given as CardRecord["expiration"];
  }
  const now = context.clock.now();
  return { year: now.getUTCFullYear() + 3, month: now.getUTCMonth() + 1 };
}

function notifyCard(context: HandlerContext, card: CardRecord, subType: string, extra: Record<string, unknown> = {}) {
  const customer = context.store.customers.get(card.customerId);
  context.notify({
    type: "CARD",
    subType,
    cardId: card.id,
    accountId: card.accountId,
    customerNumber: customer?.customerNumber ?? card.customerId,
    expiration: card.expiration,
    status: card.status,
    truncatedCardNumber: card.truncatedCardNumber,
    ...extra,
  });
}

function insertCard(
  context: HandlerContext,
  fields: Record<string, unknown>,
  owner: { customerId: string; accountId: string; type: string; cardRole: string },
): CardRecord {
  const card = context.store.cards.insert({
    ...fields,
    ...owner,
    id: context.ids.next("card"),
    status: "CARD_OK",
    truncatedCardNumber: cardNumber(context, owner.type),
    referenceNumber: context.ids.next("cardReference"),
    expiration: expirationOf(context, fields.expiration),
    productCode: fields.productCode ?? owner.type,
  });
  // A new card: the production event Enfuce's documented card notification shows.
  notifyCard(context, card, "PRODUCTION_EVENT", { productionEvent: "NCRD" });
  return card;
}

/** The customer and the account a card is ordered on: both exist, belong together, and the account is open. */
function owners(call: OperationCall, context: HandlerContext) {
  const customer = context.store.customers.require(pathParam(call, "customerId"), "customerId");
  const account = requireOpenAccount(context, pathParam(call, "accountId"), "accountId");
  if (account.customerId !== customer.id) {
    throw invalid("accountId", `account ${account.id} does not belong to customer ${customer.id}`);
  }
  return { customer, account };
}

/** Orders a card of the brand `fixedType`, or (v3) of the body's `cardTemplate`. */
const order =
  (fixedType?: string) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const { customer, account } = owners(call, context);
    const type = fixedType ?? String(bodyOf(call).cardTemplate);
    const cardRole = String(call.params.path.cardRole ?? "MAIN");
    const card = insertCard(context, bodyOf(call), { customerId: customer.id, accountId: account.id, type, cardRole });
    return success(call, { id: card.id });
  };

function changeCardStatus(context: HandlerContext, card: CardRecord, status: unknown): void {
  if (typeof status !== "string" || status === card.status) return;
  card.status = status;
  notifyCard(context, card, "STATUS_CHANGE");
}

/** A card that may still change: a final status (closed, expired) is refused. */
function requireChangeableCard(context: HandlerContext, id: string, field: string): CardRecord {
  const card = context.store.cards.require(id, field);
  if (FINAL_STATUSES.has(card.status)) throw conflict(`card ${card.id} is ${card.status}; it cannot change`, field);
  return card;
}

const update =
  (type?: string) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const card = requireChangeableCard(context, pathParam(call, "id"), "id");
    if (type !== undefined && card.type !== type) {
      throw invalid("id", `card ${card.id} is a ${card.type} card; update it with its own type`);
    }
    const { status, accountId, customerId, ...rest } = bodyOf(call);
    if (customerId !== undefined) context.store.customers.require(String(customerId), "customerId");
    if (accountId !== undefined) requireOpenAccount(context, String(accountId), "accountId");
    Object.assign(card, rest);
    if (accountId !== undefined) Object.assign(card, { accountId: String(accountId) });
    if (customerId !== undefined) Object.assign(card, { customerId: String(customerId) });
    changeCardStatus(context, card, status);
    return success(call, { id: card.id });
  };

function propertyAction(call: OperationCall, context: HandlerContext): Answer {
  const card = requireChangeableCard(context, pathParam(call, "id"), "id");
  const body = bodyOf(call);
  switch (call.params.path.propertyToUpdate) {
    case "DELETE_PIN_ADDRESS":
      delete card.pinAddress;
      break;
    case "DELETE_CARD_ADDRESS":
      delete card.cardAddress;
      break;
    case "REPLACE_CARD":
      card.truncatedCardNumber = cardNumber(context, card.type);
      card.expiration = expirationOf(context, undefined);
      break;
    case "REISSUE_CARD":
      card.expiration = expirationOf(context, undefined);
      break;
    case "SET_3DS_STATIC_PWD":
      if (typeof body.cardTdsStaticPassword !== "string") {
        throw invalid("cardTdsStaticPassword", "body member cardTdsStaticPassword is required for SET_3DS_STATIC_PWD");
      }
      break;
  }
  return success(call, { id: card.id });
}

const list =
  (owner: "customerId" | "accountId", schema: string) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const id = pathParam(call, owner);
    (owner === "customerId" ? context.store.customers : context.store.accounts).require(id, owner);
    const cards = context.store.cards.filter((card) => card[owner] === id);
    const page = pageOf(cards, call).items.map((card) => context.shape(schema, { ...card, template: card.type }));
    return success(call, page);
  };

function orderMultiApplication(call: OperationCall, context: HandlerContext): Answer {
  const customer = context.store.customers.require(pathParam(call, "customerId"), "customerId");
  const { mainApplication, applications, ...rest } = bodyOf<{
    mainApplication: Record<string, unknown>;
    applications: Record<string, unknown>[];
  }>(call);
  const all = [mainApplication, ...applications];
  all.forEach((application, index) => {
    if (application.accountId === undefined) return;
    const account = requireOpenAccount(context, String(application.accountId), `applications[${index}].accountId`);
    if (account.customerId !== customer.id) {
      throw invalid(
        `applications[${index}].accountId`,
        `account ${account.id} does not belong to customer ${customer.id}`,
      );
    }
  });
  const card = insertCard(context, rest, {
    customerId: customer.id,
    accountId: String(mainApplication.accountId ?? ""),
    type: "MULTI_APPLICATION_CARD",
    cardRole: "MAIN",
  });
  for (const application of all) {
    const { encryptedData: _secret, ...fields } = application;
    context.store.applications.insert({
      ...fields,
      id: context.ids.next("card"),
      cardId: card.id,
      status: "CARD_OK",
      maskedCardNumber: card.truncatedCardNumber,
      referenceNumber: context.ids.next("cardReference"),
    });
  }
  return success(call, { id: card.id });
}

export const cardHandlers: Handlers = {
  card: {
    createMultiApplicationCard: orderMultiApplication,
    createMcCard: order("MC_CARD"),
    createMcVirtualCard: order("MC_VIRTUAL"),
    createDebitMcCard: order("DEBIT_MC"),
    createDebitMcVirtualCard: order("DEBIT_MC_VIRTUAL"),
    createVisaCard: order("VISA_CARD"),
    createVisaVirtualCard: order("VISA_VIRTUAL"),
    createDebitVisaCard: order("DEBIT_VISA"),
    createDebitVisaVirtualCard: order("DEBIT_VISA_VIRTUAL"),
    createCardV3: order(),
    updateMultiApplicationCard: update("MULTI_APPLICATION_CARD"),
    updateMcCard: update("MC_CARD"),
    updateMcVirtualCard: update("MC_VIRTUAL"),
    updateDebitMcCard: update("DEBIT_MC"),
    updateDebitMcVirtualCard: update("DEBIT_MC_VIRTUAL"),
    updateVisaCard: update("VISA_CARD"),
    updateVisaVirtualCard: update("VISA_VIRTUAL"),
    updateDebitVisaCard: update("DEBIT_VISA"),
    updateDebitVisaVirtualCard: update("DEBIT_VISA_VIRTUAL"),
    updateCardV3: update(),
    updateCardProperty: propertyAction,
    getCard: (call, context) =>
      success(call, context.shape("Card", context.store.cards.require(pathParam(call, "id"), "id"))),
    getCardV3(call, context) {
      const card = context.store.cards.require(pathParam(call, "id"), "id");
      return success(call, context.shape("CardV3", { ...card, template: card.type }));
    },
    getCardByReferenceNumber(call, context) {
      const reference = pathParam(call, "refNumber");
      const card = context.store.cards.find((row) => row.referenceNumber === reference);
      if (!card) throw notFound(`card with reference number ${JSON.stringify(reference)}`, "refNumber");
      return success(call, context.shape("Card", card));
    },
    listCardsByCustomer: list("customerId", "CardListItem"),
    listCardsByAccount: list("accountId", "CardListItem"),
    listCardsByCustomerV3: list("customerId", "CardSummary"),
    listCardsByAccountV3: list("accountId", "CardSummary"),
    getApplication: (call, context) =>
      success(call, context.shape("Application", context.store.applications.require(pathParam(call, "id"), "id"))),
    updateApplication(call, context) {
      const application = context.store.applications.require(pathParam(call, "id"), "id");
      const { status, ...rest } = bodyOf(call);
      if (FINAL_STATUSES.has(application.status)) {
        throw conflict(`application ${application.id} is ${application.status}; it cannot change`, "id");
      }
      Object.assign(application, rest);
      if (typeof status === "string") application.status = status;
      return success(call, { id: application.id });
    },
  },
};
