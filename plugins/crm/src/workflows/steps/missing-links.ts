import type { LinkDefinition } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";

/** The links of `links` that do not exist yet (so a rerun after a crash adds nothing twice). */
export const missingLinksStep = createStep("find-missing-crm-links", async (links: LinkDefinition[], { container }) => {
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const missing: LinkDefinition[] = [];
  for (const definition of links) {
    const found: unknown[] = await link.list(definition);
    if (!found.length) missing.push(definition);
  }
  return new StepResponse(missing);
});
