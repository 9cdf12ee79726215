// The instalment read by id, as specs/instalment.yaml documents it (example ActiveInstalment).
export const INSTALMENT_ID = "678543";
export const AUDIT_USER = "bench";
export const CREDENTIALS = { username: "bench", password: "bench-password" };
export const AUTHORIZATION = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString("base64")}`;
export const REQUEST_PATH = `/instalment/v1/${INSTALMENT_ID}?auditUser=${AUDIT_USER}`;

export const INSTALMENT = {
  id: INSTALMENT_ID,
  instalmentOriginalId: "678544",
  accountId: "677654434532",
  creationDate: "2023-11-07T05:31:56Z",
  firstPayment: "2023-12-25",
  lastPayment: "2023-12-25",
  currency: "NOK",
  effectiveRate: 10.46,
  totalAmount: 1000,
  principalAmount: 1000,
  feeAmount: 10,
  interest: { interestRate: 9.9, effectiveRate: 10.46, interestAmount: 90, interestAmountBilled: 10 },
  paidAmount: 20,
  interestPaidAmount: 20.57,
  principalPaidAmount: 500,
  dueAmount: 100,
  overdueAmount: 200,
  writtenOffAmount: 1000,
  reversed: 1000,
  fullRepaymentAmount: 900,
  status: "INACTIVE",
  lastUpdated: "2023-11-07T05:31:56Z",
  transactionId: "8767653",
  description: "Instalment for product #4567",
  planOptions: { type: "BUY_NOW_PAY_LATER", shift: 2 },
};
