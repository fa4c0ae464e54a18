// Every chaos flow, by name. A new flow is one module with the shape runner.mjs describes.
import posCheckout from "./pos-checkout.mjs";
import posPayment from "./pos-payment.mjs";
import repairIntake from "./repair-intake.mjs";
import repairStatus from "./repair-status.mjs";
import posReturn from "./pos-return.mjs";
import invoices from "./invoices.mjs";
import whatsappSend from "./whatsapp-send.mjs";
import crmMerge from "./crm-merge.mjs";
import stock from "./stock.mjs";
import campaign from "./campaign.mjs";

export const FLOWS = [posCheckout, posPayment, posReturn, invoices, whatsappSend, crmMerge, stock, repairIntake, repairStatus, campaign];
