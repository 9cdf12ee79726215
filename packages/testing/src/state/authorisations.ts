// The Test API's simulations: an authorisation arriving from a card scheme (Enfuce checks the card
// and account, asks the issuer's authorisation control, honours its answer or stands in, holds the
// funds, records the transaction and notifies), its reversal, and the request templates.
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, success } from "../engine/handler";
import { conflict, invalid } from "../engine/refusal";
import type { AuthorisationControlCall } from "../webhooks/deliveries";
import {
  cardAndAccount,
  type Money,
  notifyAuthorisation,
  RESPONSE_CODES,
  recordTransaction,
  refusalCode,
  releaseHold,
} from "./transactions";

export interface AuthorisationRecord {
  /** The `metadata.id` the simulation answered with; a reversal names it. */
  readonly id: string;
  readonly transactionId: string;
  readonly cardId: string;
  readonly accountId: string;
  readonly responseCode: string;
  /** The call to your authorisation control; absent when Enfuce refused before asking. */
  readonly decision?: AuthorisationControlCall;
}

interface TestAuthorisation {
  card?: { cardId?: string };
  transactionData?: {
    transactionAmount?: Money;
    settlementAmount?: Money;
    transactionType?: string;
    cardEntryMode?: string;
  };
  merchantData?: Record<string, unknown>;
}

const AUTHORISATION_VALIDITY_DAYS = 7;

function merchantOf(data: Record<string, unknown> | undefined) {
  if (!data) return undefined;
  const merchant: Record<string, unknown> = {};
  if (data.merchantId !== undefined) merchant.id = data.merchantId;
  if (data.acquirerId !== undefined) merchant.acquirerId = data.acquirerId;
  if (data.merchantCity !== undefined) merchant.city = data.merchantCity;
  if (data.merchantCountry !== undefined) merchant.country = data.merchantCountry;
  if (typeof data.merchantCategoryCode === "string" && /^\d+$/.test(data.merchantCategoryCode)) {
    merchant.mcc = Number(data.merchantCategoryCode);
  }
  if (data.merchantName !== undefined) merchant.name = data.merchantName;
  return merchant;
}

async function authorise(call: OperationCall, context: HandlerContext): Promise<Answer> {
  const body = bodyOf<TestAuthorisation>(call);
  const cardId = body.card?.cardId;
  if (cardId === undefined)
    throw invalid("card.cardId", "body member card.cardId is required: it names the card to authorise");
  const amount = body.transactionData?.transactionAmount;
  if (amount?.amount === undefined || amount.currency === undefined) {
    throw invalid(
      "transactionData.transactionAmount",
      "body member transactionData.transactionAmount (amount, currency) is required",
    );
  }
  const { card, account } = cardAndAccount(context, cardId, "card.cardId");
  const settlement = body.transactionData?.settlementAmount?.amount ?? amount.amount;
  const id = context.ids.next("authorisation");
  const retrievalReferenceNumber = context.ids.next("retrievalReference");
  const linkId = context.ids.next("transaction");
  let responseCode = refusalCode(card, account);
  let decision: AuthorisationControlCall | undefined;
  if (responseCode === undefined) {
    const payload = {
      metadata: { id, traceId: retrievalReferenceNumber, linkId, messageCategory: "REQUEST" },
      customer: { customerId: account.customerId },
      account: { accountId: account.id, availableAmount: { amount: account.available, currency: account.currency } },
      card: { cardId: card.id, expiration: card.expiration },
      transactionData: {
        transactionType: body.transactionData?.transactionType ?? "RETAIL",
        transactionAmount: amount,
        ...(body.transactionData?.cardEntryMode !== undefined && { cardEntryMode: body.transactionData.cardEntryMode }),
        settlementAmount: { amount: settlement, currency: account.currency },
        transactionDateTime: context.clock.timestamp(),
        authValidityInDays: AUTHORISATION_VALIDITY_DAYS,
        retrievalReferenceNumber,
      },
      merchantData: { ...body.merchantData },
    };
    // Enfuce's stand-in, when your receiver cannot decide: the funds must cover the amount.
    const standIn = () =>
      account.available >= settlement ? RESPONSE_CODES.approved : RESPONSE_CODES.insufficientFunds;
    const call = await context.authorisationControl.decide(payload, context.clock.timestamp(), standIn);
    decision = call;
    responseCode = call.responseCode;
  }
  const approved = responseCode === RESPONSE_CODES.approved;
  const merchant = merchantOf(body.merchantData);
  const transaction = recordTransaction(context, {
    card,
    account,
    amount,
    settlement,
    responseCode,
    postingStatus: approved ? "PENDING" : "REJECTED",
    fields: {
      linkId,
      transactionType: { authorizationType: "AUTH" },
      retrievalReferenceNumber,
      ...(approved && { authorizationCode: context.ids.next("authCode") }),
      ...(merchant && { merchant }),
      ...(decision?.decidedBy === "stand-in" &&
        decision.outcome !== "not-configured" && { processedByEnfuceStip: true }),
    },
  });
  context.store.authorisations.insert({
    id,
    transactionId: transaction.id,
    cardId: card.id,
    accountId: account.id,
    responseCode,
    ...(decision && { decision }),
  });
  notifyAuthorisation(context, transaction);
  return success(call, {
    metadata: { mti: "0110", id },
    transactionData: { authResponseCode: responseCode, retrievalReferenceNumber },
  });
}

function reverse(call: OperationCall, context: HandlerContext): Answer {
  const body = bodyOf<{ id: string; partialAmount?: Money }>(call);
  const authorisation = context.store.authorisations.require(body.id, "id");
  const transaction = context.store.transactions.require(authorisation.transactionId, "id");
  if (transaction.hold === 0) throw conflict(`authorisation ${authorisation.id} holds nothing to reverse`, "id");
  if (body.partialAmount && body.partialAmount.amount > transaction.hold) {
    throw invalid("partialAmount.amount", `partialAmount.amount is more than the ${transaction.hold} still authorised`);
  }
  releaseHold(context, transaction, body.partialAmount?.amount);
  return success(call, {
    metadata: { mti: "0410", id: context.ids.next("authorisation") },
    transactionData: {
      authResponseCode: RESPONSE_CODES.approved,
      retrievalReferenceNumber: transaction.retrievalReferenceNumber as string | undefined,
    },
  });
}

/** A template: the documented example with the request's card and amounts put in. */
function template(call: OperationCall): Answer {
  const example = structuredClone(call.operation.facts.responses["200"]?.example ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const body = bodyOf(call);
  const objectOf = (value: unknown) =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  return success(call, {
    ...example,
    card: { ...example.card, ...objectOf(body.card) },
    transactionData: { ...example.transactionData, ...objectOf(body.transactionData) },
  });
}

export const authorisationHandlers: Handlers = {
  "test-api": {
    postAuthorizationRequest: authorise,
    postReversalRequest: reverse,
    postRetailOfflinePinAuthRequestTemplate: template,
    postRetailEcommerceAuthRequestTemplate: template,
  },
};
