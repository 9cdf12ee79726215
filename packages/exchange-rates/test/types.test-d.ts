import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  createExchangeRatesClient,
  type EcbSupportedCurrencies,
  type ExchangeRate,
  type FxRate,
  type PaymentScheme,
  type VisaFxRate,
} from "../src";

const client = createExchangeRatesClient(typeTestOptions);

const conversion = { fromAmount: 100, fromCurrency: "EUR", toCurrency: "SEK", issuerMarkupPercentage: 1.5 };

describe("exchange-rates client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.POST("/v2/{paymentScheme}/fx", {
      params: { path: { paymentScheme: "MC" } },
      body: conversion,
    });
    expectTypeOf(data).toEqualTypeOf<FxRate | undefined>();
    expectTypeOf<FxRate["fxRateEcb"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PaymentScheme>().toEqualTypeOf<"VISA" | "MC">();
    const rate = await client.GET("/v1/ecb/{fromCurrency}/{toCurrency}", {
      params: { path: { fromCurrency: "EUR", toCurrency: "SEK" } },
      throwOnError: true,
    });
    expectTypeOf(rate).toEqualTypeOf<ExchangeRate>();
    expectTypeOf<ExchangeRate["rate"]>().toEqualTypeOf<number | undefined>();
  });

  it("leaves the undocumented ECB currency list untyped", async () => {
    const { data } = await client.GET("/v1/ecb/currencies");
    expectTypeOf<EcbSupportedCurrencies>().toBeUnknown();
    expectTypeOf(data).toBeUnknown();
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v1/visa/fx", {
      body: { fromAmount: 1, fromCurrency: "EUR", toCurrency: "USD" },
    });
    expectTypeOf(data?.toAmountWithVisaRate).toEqualTypeOf<VisaFxRate["toAmountWithVisaRate"]>();
    expectTypeOf<VisaFxRate["toAmountWithVisaRate"]>().toEqualTypeOf<number | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v1/ecb/rates", {});
    // @ts-expect-error: the path parameter toCurrency is missing
    await client.GET("/v1/ecb/{fromCurrency}/{toCurrency}", { params: { path: { fromCurrency: "EUR" } } });
    // @ts-expect-error: not a supported payment scheme
    await client.POST("/v2/{paymentScheme}/fx", { params: { path: { paymentScheme: "AMEX" } }, body: conversion });
    await client.POST("/v2/{paymentScheme}/fx", {
      params: { path: { paymentScheme: "VISA" } },
      // @ts-expect-error: the issuer mark-up is required
      body: { fromAmount: 100, fromCurrency: "EUR", toCurrency: "SEK" },
    });
  });
});
