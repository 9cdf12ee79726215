// Customers (Customer API): private and corporate creates, updates, lookups by id, customer number
// and registration number, and links between customers.

import type { OperationCall } from "../engine/call";
import { type Answer, bodyOf, type HandlerContext, type Handlers, pathParam, success } from "../engine/handler";
import { conflict, invalid, notFound } from "../engine/refusal";

export interface CustomerLinkRecord {
  readonly id: string;
  readonly customerId: string;
  readonly type: string;
}

export interface CustomerRecord {
  readonly id: string;
  readonly role: "PRIVATE" | "CORPORATE";
  customerNumber: string;
  regNo?: string;
  links: CustomerLinkRecord[];
  /** Every other documented member, as last sent. */
  [member: string]: unknown;
}

function checkUniqueCustomerNumber(context: HandlerContext, customerNumber: unknown, except?: string): void {
  const taken = context.store.customers.find((row) => row.customerNumber === customerNumber && row.id !== except);
  if (taken)
    throw conflict(
      `customerNumber ${JSON.stringify(customerNumber)} is already used by another customer`,
      "customerNumber",
    );
}

const create =
  (role: CustomerRecord["role"]) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const body = bodyOf(call);
    checkUniqueCustomerNumber(context, body.customerNumber);
    const id = context.ids.next("customer");
    context.store.customers.insert({ ...body, id, role, customerNumber: String(body.customerNumber), links: [] });
    return success(call, { id });
  };

const update =
  (role: CustomerRecord["role"]) =>
  (call: OperationCall, context: HandlerContext): Answer => {
    const customer = context.store.customers.require(pathParam(call, "id"), "id");
    if (customer.role !== role)
      throw invalid("id", `customer ${customer.id} is a ${customer.role} customer, not ${role}`);
    const body = bodyOf(call);
    if (body.customerNumber !== undefined) checkUniqueCustomerNumber(context, body.customerNumber, customer.id);
    Object.assign(customer, body);
    return success(call, { id: customer.id });
  };

const view = (context: HandlerContext, customer: CustomerRecord) => context.shape("Customer", customer);

export const customerHandlers: Handlers = {
  customer: {
    createPrivateCustomerUsingPOST: create("PRIVATE"),
    createCorporateCustomerUsingPOST: create("CORPORATE"),
    updatePrivateCustomerUsingPATCH: update("PRIVATE"),
    updateCorporateCustomerUsingPATCH: update("CORPORATE"),
    updateCustomerUsingPOST(call, context) {
      const customer = context.store.customers.require(pathParam(call, "id"), "id");
      if (customer.role !== call.params.path.role) {
        throw invalid("role", `customer ${customer.id} is a ${customer.role} customer`);
      }
      return success(call, { id: customer.id });
    },
    getCustomerByIdUsingGET: (call, context) =>
      success(call, view(context, context.store.customers.require(pathParam(call, "id"), "id"))),
    getCustomerByCustomerNumberUsingGET(call, context) {
      const number = pathParam(call, "customerNumber");
      const customer = context.store.customers.find((row) => row.customerNumber === number);
      if (!customer) throw notFound(`customer with customerNumber ${JSON.stringify(number)}`, "customerNumber");
      return success(call, view(context, customer));
    },
    getCustomerIdByRegNoUsingGET(call, context) {
      const regNo = pathParam(call, "regNo");
      const customer = context.store.customers.find((row) => row.regNo === regNo);
      if (!customer) throw notFound(`customer with regNo ${JSON.stringify(regNo)}`, "regNo");
      return success(call, { id: customer.id });
    },
    getLinkedCustomersUsingGET(call, context) {
      const customer = context.store.customers.require(pathParam(call, "id"), "id");
      return success(
        call,
        customer.links.map((link) => context.shape("CustomerLink", link)),
      );
    },
    createLinkedCustomerUsingPOST(call, context) {
      const customer = context.store.customers.require(pathParam(call, "id"), "id");
      const body = bodyOf<{ type: string; customerId: string | number }>(call);
      const linked = context.store.customers.require(String(body.customerId), "customerId");
      if (linked.id === customer.id) throw invalid("customerId", "a customer cannot be linked to itself");
      const link = { id: context.ids.next("link"), customerId: linked.id, type: body.type };
      customer.links.push(link);
      return success(call, { id: link.id });
    },
    deleteLinkedCustomerUsingDELETE(call, context) {
      const customer = context.store.customers.require(pathParam(call, "id"), "id");
      const linkId = pathParam(call, "linkId");
      const index = customer.links.findIndex((link) => link.id === linkId);
      if (index === -1) throw notFound(`link ${JSON.stringify(linkId)} of customer ${customer.id}`, "linkId");
      customer.links.splice(index, 1);
      return success(call, { id: linkId });
    },
  },
};
