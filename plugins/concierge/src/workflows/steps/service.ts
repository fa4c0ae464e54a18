import type { MedusaContainer } from "@medusajs/framework/types";
import { CONCIERGE_MODULE } from "../../modules/concierge";
import type ConciergeModuleService from "../../modules/concierge/service";

export const conciergeOf = (container: MedusaContainer | { resolve: MedusaContainer["resolve"] }) =>
  container.resolve<ConciergeModuleService>(CONCIERGE_MODULE);
