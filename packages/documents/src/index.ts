export { renderIntakeSlip, SLIP_TEXT, type IntakeSlipLayout } from "./intake-slip.js";
export { renderQuote, QUOTE_TEXT } from "./quote.js";
export { renderInvoice, INVOICE_TEXT } from "./invoice.js";
export { trackingUrl, whatsappStatusLink } from "./links.js";
export { computeTotals, formatRate, lineAmountSen, type DocumentTotals } from "./totals.js";
export { DEVICE_TYPE_LABELS, PART_GRADE_LABELS, PAYMENT_METHOD_LABELS, PRIORITY_LABELS } from "./labels.js";
export * from "./schemas.js";
