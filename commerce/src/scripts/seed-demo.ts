import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { seedBilling } from "./seed/billing";
import { seedCatalogue } from "./seed/catalogue";
import { seedConcierge } from "./seed/concierge";
import { seedCrm } from "./seed/crm";
import { seedInvoicing } from "./seed/invoicing";
import { seedJobs } from "./seed/jobs";
import { seedProcurement } from "./seed/procurement";
import { seedCustomers, seedStaff } from "./seed/people";
import { seedPos } from "./seed/pos";
import { seedSettings } from "./seed/settings";
import { seedShop } from "./seed/shop";
import { seedWhatsApp } from "./seed/whatsapp";

/** `npm run seed -w @voltura/commerce`: the demo shop. Safe to run again; it only adds what is missing. */
export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  await seedSettings(container);
  const shop = await seedShop(container);
  await seedCatalogue(container, shop);
  await seedStaff(container);
  await seedProcurement(container, shop);
  const customerIds = await seedCustomers(container);
  await seedCrm(container, customerIds);
  await seedJobs(container);
  await seedBilling(container);
  await seedPos(container);
  await seedInvoicing(container);
  await seedConcierge(container);
  await seedWhatsApp(container);
  logger.info("Demo shop ready");
}
