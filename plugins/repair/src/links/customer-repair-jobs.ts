import { defineLink } from "@medusajs/framework/utils";
import CustomerModule from "@medusajs/medusa/customer";
import RepairModule from "../modules/repair/index";

/** A customer has many repair jobs; a job belongs to the customer found or created by phone at intake. */
export default defineLink(CustomerModule.linkable.customer, { linkable: RepairModule.linkable.repairJob, isList: true });
