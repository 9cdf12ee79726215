// Naming rules shared by every generated file, so a domain's names follow from its spec file name.

/** `purchase-details` -> `PurchaseDetails` */
export const pascalCase = (name) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");

/** `Instalment` -> `an Instalment`, `Card` -> `a Card`: by the first letter, which holds for every domain name. */
export const withArticle = (word) => `${/^[AEIOU]/i.test(word) ? "an" : "a"} ${word}`;

export const packageName = (domain) => `@enfuce-sdk/${domain}`;
export const clientFactoryName = (domain) => `create${pascalCase(domain)}Client`;
export const clientTypeName = (domain) => `${pascalCase(domain)}Client`;
/** `notification` (the key under `webhooks:`) -> `sendNotification` */
export const webhookSenderName = (webhookName) => `send${pascalCase(webhookName)}`;

// Schema names that would shadow a global of the same name in users' code get a suffix.
const GLOBAL_NAMES = new Set([
  "Error",
  "Date",
  "Object",
  "Array",
  "Record",
  "Request",
  "Response",
  "Headers",
  "URL",
  "Map",
  "Set",
  "Promise",
]);
export const aliasName = (schemaName) => {
  const name = pascalCase(schemaName);
  return GLOBAL_NAMES.has(name) ? `${name}Body` : name;
};
