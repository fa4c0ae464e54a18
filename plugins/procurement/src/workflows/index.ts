// The plugin's Medusa workflows and the stock ledger contract, for other plugins and the commerce app.
export * from "./steps/apply-stock-movements";
export { revertStockMovements, LOW_STOCK_EVENT, type StockMovementRow, type LowStockEventData } from "../ledger/apply";
export { STOCK_MOVEMENT_KINDS, type StockMovementInput, type StockMovementKind } from "../ledger/movement";
export { PROCUREMENT_MODULE } from "../modules/procurement/index";
export { ledgerCheck, type LedgerCheck } from "../ledger/check";
export * from "./suppliers";
export * from "./purchase-orders";
export * from "./receive-purchase-order";
export * from "./adjust-stock";
export * from "./stock-takes";
export * from "./set-stock-threshold";
export * from "./record-opening-stock";
export * from "./adopt-existing-stock";
