// The plugin's Medusa workflows, for other plugins, the commerce app and the demo seed.
export * from "./checkout-pos-sale";
export * from "./return-pos-sale";
export * from "./open-pos-shift";
export * from "./close-pos-shift";
export * from "./update-pos-settings";
export { commitPosPayment, recordPosPayment, type BalancePaymentOutcome, type BalancePaymentRequest } from "./steps/balance-payment";
export { recoverSaleOutbox, type SaleOutboxReport } from "./steps/sale-outbox";
export { POS_MODULE } from "../modules/pos/index";
