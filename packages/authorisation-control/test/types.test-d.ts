import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthorisationRequest,
  type AuthorisationResponse,
  type CardEntryMode,
  createAuthorisationControlHandler,
  sendAuthorisation,
  type TransactionType,
} from "../src";

const credentials = { username: "enfuce", password: "p" };
const DECLINE: AuthorisationResponse = { transactionData: { responseCode: "05" } };

describe("authorisation control types: tolerant reader", () => {
  it("types the enums of the payload as open: a value Enfuce adds compiles", () => {
    expectTypeOf<"CRYPTO_PURCHASE">().toExtend<TransactionType>();
    expectTypeOf<"RETAIL">().toExtend<TransactionType>();
    expectTypeOf<TransactionType>().toEqualTypeOf<
      | "RETAIL"
      | "ATM"
      | "UNIQUE"
      | "CASH_DISBURSEMENT"
      | "BALANCE_INQUIRY"
      | "P2P_DEBIT"
      | "P2P_CREDIT"
      | "CREDIT"
      | "CASHBACK"
      | (string & {})
    >();
    expectTypeOf<
      Exclude<AuthorisationRequest["transactionData"]["transactionType"], undefined>
    >().toEqualTypeOf<TransactionType>();
  });

  it("keeps a switch narrowing: the listed values are ruled out one by one, the rest is any string", () => {
    const label = (mode: CardEntryMode) => {
      switch (mode) {
        case "CHIP_READ":
        case "CONTACTLESS":
          return "card present";
        case "UNKNOWN":
        case "MANUAL_ENTRY":
        case "MAGNETIC_STRIPE_READ":
        case "ELECTRONIC_COMMERCE":
          return "other";
        default:
          // Not `never`: a mode Enfuce adds must be handled too.
          expectTypeOf(mode).toEqualTypeOf<string & {}>();
          return mode;
      }
    };
    expectTypeOf(label("CONTACTLESS")).toExtend<string>();
  });

  it("hands the handler the open payload, and lets the sender simulate new values", async () => {
    createAuthorisationControlHandler({
      credentials,
      deadlineMs: 100,
      fallback: DECLINE,
      onAuthorisation: (request) => {
        expectTypeOf(request).toEqualTypeOf<AuthorisationRequest>();
        expectTypeOf(request.metadata.messageCategory).toExtend<string | undefined>();
        return DECLINE;
      },
    });
    await sendAuthorisation({
      url: "http://127.0.0.1:9",
      credentials,
      payload: {
        metadata: { messageCategory: "INCREMENTAL_REQUEST" },
        customer: {},
        account: {},
        card: {},
        transactionData: { transactionType: "CRYPTO_PURCHASE", cardholderVerifications: ["PALM_VEIN"] },
        merchantData: {},
      },
    });
  });
});
