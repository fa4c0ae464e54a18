import { defineLink } from "@medusajs/framework/utils";
import OrderModule from "@medusajs/medusa/order";
import RepairBillingModule from "../modules/repair-billing/index";

/** A repair invoice is carried by one Medusa order in the Counter sales channel. */
export default defineLink(RepairBillingModule.linkable.repairInvoice, OrderModule.linkable.order);
