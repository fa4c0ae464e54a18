// The plugin's Medusa workflows, for other plugins and the commerce app.
export * from "./create-quotation";
export * from "./update-quotation";
export * from "./change-quotation-status";
export * from "./convert-quotation";
export * from "./create-sales-invoice";
export * from "./record-invoice-payment";
export * from "./save-invoicing-settings";
export * from "./revoke-document-share-links";
