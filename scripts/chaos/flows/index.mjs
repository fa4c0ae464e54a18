// Every chaos flow, by name. A new flow is one module with the shape runner.mjs describes.
import posCheckout from "./pos-checkout.mjs";
import posPayment from "./pos-payment.mjs";

export const FLOWS = [posCheckout, posPayment];
