import type { LinkDefinition, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { customerDeviceLink } from "../../links/customer-devices";
import { customerProfileLink } from "../../links/customer-profile";

async function createLinks(container: MedusaContainer, links: LinkDefinition[]) {
  await container.resolve(ContainerRegistrationKeys.LINK).create(links);
  return new StepResponse(links, links);
}

async function dismissLinks(links: LinkDefinition[] | undefined, { container }: { container: MedusaContainer }) {
  if (links?.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links);
}

/** Links a customer to their new CRM profile; the compensation dismisses the link. */
export const linkCustomerProfileStep = createStep(
  "link-crm-customer-profile",
  async (input: { customer_id: string; profile_id: string }, { container }) => createLinks(container, [customerProfileLink(input.customer_id, input.profile_id)]),
  dismissLinks,
);

/** Links a customer to a new device of theirs; the compensation dismisses the link. */
export const linkCustomerDeviceStep = createStep(
  "link-crm-customer-device",
  async (input: { customer_id: string; device_id: string }, { container }) => createLinks(container, [customerDeviceLink(input.customer_id, input.device_id)]),
  dismissLinks,
);
