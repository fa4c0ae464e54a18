import { defineLink } from "@medusajs/framework/utils";
import CustomerModule from "@medusajs/medusa/customer";
import CrmModule from "../modules/crm/index";

/** A customer has one CRM profile (type, tags, notes, last visit); it goes when the customer goes. */
export default defineLink(CustomerModule.linkable.customer, { linkable: CrmModule.linkable.customerProfile, deleteCascade: true });
