import type { LinkDefinition } from "@medusajs/framework/types";
import { defineLink, Modules } from "@medusajs/framework/utils";
import CustomerModule from "@medusajs/medusa/customer";
import CrmModule, { CRM_MODULE } from "../modules/crm/index";

/** A customer owns many devices; a device has one owner (a merge moves it to the primary customer). */
export default defineLink(CustomerModule.linkable.customer, { linkable: CrmModule.linkable.device, isList: true, deleteCascade: true });

/** The link row, as Medusa's Link service wants it. */
export const customerDeviceLink = (customerId: string, deviceId: string): LinkDefinition => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [CRM_MODULE]: { device_id: deviceId },
});
