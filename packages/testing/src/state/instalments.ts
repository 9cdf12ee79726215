// Instalment plans (Instalment API): created from an approved transaction (one plan per
// transaction), read, listed per account (paged, filtered by status), their portions, and closed
// (also through the deprecated `PATCH /v1/close`). A closed plan cannot be closed again.
//
// Portions: BUY_NOW_PAY_LATER is one portion due `shift` months after creation (default 1); the
// other plan types document no members, so the sandbox splits them into three monthly portions.
import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { filtered, pagedWrapper } from "../engine/paging";
import { conflict, invalid, notFound } from "../engine/refusal";
import { RESPONSE_CODES } from "./transactions";

export interface PortionRecord {
  readonly id: string;
  readonly instalmentId: string;
  readonly index: number;
  readonly total: number;
  readonly openDate: string;
  readonly dueDate: string;
  readonly currency: string;
  readonly amount: number;
  readonly principalAmount: number;
  status: string;
  [member: string]: unknown;
}

export interface InstalmentRecord {
  readonly id: string;
  readonly accountId: string;
  readonly transactionId: string;
  status: string;
  lastUpdated: string;
  portions: PortionRecord[];
  [member: string]: unknown;
}

const DEFAULT_SHIFT_MONTHS = 1;
const SPLIT_PORTIONS = 3;

function portionsOf(
  context: HandlerContext,
  instalmentId: string,
  amount: number,
  currency: string,
  planOptions: Record<string, unknown>,
) {
  const bnpl = planOptions.type === "BUY_NOW_PAY_LATER";
  const count = bnpl ? 1 : SPLIT_PORTIONS;
  const firstMonth = bnpl ? (typeof planOptions.shift === "number" ? planOptions.shift : DEFAULT_SHIFT_MONTHS) : 1;
  // Whole cents; the last portion takes the rounding rest.
  const share = Math.floor((amount * 100) / count) / 100;
  return Array.from({ length: count }, (_, index): PortionRecord => {
    const portionAmount = index === count - 1 ? Math.round((amount - share * (count - 1)) * 100) / 100 : share;
    return {
      id: context.ids.next("portion"),
      instalmentId,
      index: index + 1,
      total: count,
      openDate: context.clock.date(firstMonth + index - 1),
      dueDate: context.clock.date(firstMonth + index),
      currency,
      amount: portionAmount,
      principalAmount: portionAmount,
      feeAmount: 0,
      interestAmount: 0,
      paidAmount: 0,
      status: "INACTIVE",
    };
  });
}

function createPlan(call: OperationCall, context: HandlerContext): Answer {
  const body = bodyOf<{ transactionId: string; planOptions: Record<string, unknown>; description?: string }>(call);
  const transaction = context.store.transactions.require(body.transactionId, "transactionId");
  if (transaction.responseCode !== RESPONSE_CODES.approved) {
    throw invalid("transactionId", `transaction ${transaction.id} was declined (${transaction.responseCode})`);
  }
  if (context.store.instalments.find((plan) => plan.transactionId === transaction.id)) {
    throw conflict(`transaction ${transaction.id} is already an instalment plan`, "transactionId");
  }
  const { amount, currency } = transaction.settlementAmount;
  const id = context.ids.next("instalment");
  const portions = portionsOf(context, id, amount, currency, body.planOptions);
  const now = context.clock.timestamp();
  context.store.instalments.insert({
    id,
    accountId: transaction.accountId,
    transactionId: transaction.id,
    creationDate: now,
    firstPayment: portions[0]?.dueDate,
    lastPayment: portions.at(-1)?.dueDate,
    currency,
    totalAmount: amount,
    principalAmount: amount,
    interest: { interestRate: 0, effectiveRate: 0, interestAmount: 0, interestAmountBilled: 0 },
    interestPaidAmount: 0,
    principalPaidAmount: 0,
    dueAmount: 0,
    overdueAmount: 0,
    reversed: 0,
    fullRepaymentAmount: amount,
    status: "OPEN",
    lastUpdated: now,
    planOptions: body.planOptions,
    ...(body.description !== undefined && { description: body.description }),
    portions,
  });
  return success(call, { id });
}

const view = (context: HandlerContext, plan: InstalmentRecord) => context.shape("Instalment", plan);

function close(call: OperationCall, context: HandlerContext, id: string, field: string): Answer {
  const plan = context.store.instalments.require(id, field);
  if (plan.status === "CLOSED") throw conflict(`instalment plan ${plan.id} is already CLOSED`, field);
  plan.status = "CLOSED";
  plan.lastUpdated = context.clock.timestamp();
  return success(call, view(context, plan));
}

export const instalmentHandlers: Handlers = {
  instalment: {
    createInstalment: createPlan,
    closeInstalment: (call, context) => close(call, context, pathParam(call, "instalmentId"), "instalmentId"),
    closeInstalmentByBody: (call, context) =>
      close(call, context, String(bodyOf<{ instalmentId: string }>(call).instalmentId), "instalmentId"),
    getInstalmentById: (call, context) =>
      success(call, view(context, context.store.instalments.require(pathParam(call, "instalmentId"), "instalmentId"))),
    getInstalmentByTransactionId(call, context) {
      const transactionId = pathParam(call, "transactionId");
      const plan = context.store.instalments.find((row) => row.transactionId === transactionId);
      if (!plan) throw notFound(`instalment plan of transaction ${JSON.stringify(transactionId)}`, "transactionId");
      return success(call, view(context, plan));
    },
    getInstalmentsByAccountId(call, context) {
      const accountId = pathParam(call, "accountId");
      const plans = filtered(
        context.store.instalments.filter((plan) => plan.accountId === accountId),
        call,
      );
      const page = pagedWrapper(plans, call);
      return success(call, { ...page, data: page.data.map((plan) => view(context, plan)) });
    },
    getInstalmentPortions(call, context) {
      const plan = context.store.instalments.require(pathParam(call, "instalmentId"), "instalmentId");
      const page = pagedWrapper(filtered(plan.portions, call), call);
      return success(call, { ...page, data: page.data.map((portion) => context.shape("InstalmentPortion", portion)) });
    },
  },
};
