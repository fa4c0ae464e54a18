import type { LinkDefinition } from "@medusajs/framework/types";
import { defineLink, Modules } from "@medusajs/framework/utils";
import CustomerModule from "@medusajs/medusa/customer";
import CrmModule, { CRM_MODULE } from "../modules/crm/index";

/** A customer has one CRM profile (type, tags, notes, last visit); it goes when the customer goes. */
export default defineLink(CustomerModule.linkable.customer, { linkable: CrmModule.linkable.customerProfile, deleteCascade: true });

/** The link row, as Medusa's Link service wants it. */
export const customerProfileLink = (customerId: string, profileId: string): LinkDefinition => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [CRM_MODULE]: { customer_profile_id: profileId },
});
