import { defineLink } from "@medusajs/framework/utils";
import CustomerModule from "@medusajs/medusa/customer";
import CrmModule from "../modules/crm/index";

/** A customer owns many devices; a device has one owner (a merge moves it to the primary customer). */
export default defineLink(CustomerModule.linkable.customer, { linkable: CrmModule.linkable.device, isList: true, deleteCascade: true });
