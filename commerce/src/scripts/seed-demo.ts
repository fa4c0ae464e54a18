import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { seedCatalogue } from "./seed/catalogue";
import { seedJobs } from "./seed/jobs";
import { seedCustomers, seedStaff } from "./seed/people";
import { seedShop } from "./seed/shop";

/** `npm run seed -w @voltura/commerce`: the demo shop. Safe to run again; it only adds what is missing. */
export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const shop = await seedShop(container);
  await seedCatalogue(container, shop);
  await seedStaff(container);
  await seedCustomers(container);
  await seedJobs(container);
  logger.info("Demo shop ready");
}
