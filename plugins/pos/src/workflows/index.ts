// The plugin's Medusa workflows, for other plugins, the commerce app and the demo seed.
export * from "./checkout-pos-sale";
export * from "./return-pos-sale";
export * from "./pos-shifts";
export * from "./update-pos-settings";
export { commitPosPayment, recordPosPayment, type BalancePaymentOutcome, type BalancePaymentRequest } from "../sales/balance-payment";
export { recoverSaleOutbox, type SaleOutboxReport } from "../sales/sale-outbox";
export { POS_MODULE } from "../modules/pos/index";
