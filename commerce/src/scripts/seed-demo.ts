import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { seedBilling } from "./seed/billing";
import { launchDemoRunningCampaign, seedCampaigns } from "./seed/campaigns";
import { seedCatalogue } from "./seed/catalogue";
import { seedConcierge } from "./seed/concierge";
import { seedCrm } from "./seed/crm";
import { seedInvoicing } from "./seed/invoicing";
import { seedJobs } from "./seed/jobs";
import { seedInventory } from "./seed/inventory";
import { seedCustomers, seedStaff } from "./seed/people";
import { seedPos } from "./seed/pos";
import { seedSettings } from "./seed/settings";
import { seedShop } from "./seed/shop";
import { seedWhatsApp } from "./seed/whatsapp";
import { DEMO_STAFF } from "./seed/demo-data";

interface SetupState {
  setupClaimed(): Promise<boolean>;
}

/**
 * The demo accounts' password is published, so the demo never goes where a real shop lives: not
 * into a shop that went through the first-run setup, and not where VOLTURA_DEMO_SEED=refuse (the
 * compose default; a trial install sets it to allow).
 */
async function refuseOnRealShop(container: ExecArgs["container"]): Promise<string | null> {
  if (process.env.VOLTURA_DEMO_SEED === "refuse") {
    return "VOLTURA_DEMO_SEED is refuse (a production install): set it to allow for a trial install with the demo shop";
  }
  if (await container.resolve<SetupState>("staffGuard").setupClaimed()) {
    return "this shop went through the first-run setup: the demo seed never runs on a real shop";
  }
  return null;
}

/** The demo staff carry metadata.demo, so the console can warn while any of them is active. */
async function markDemoStaff(container: ExecArgs["container"]): Promise<void> {
  const users = container.resolve(Modules.USER);
  for (const { email } of DEMO_STAFF) {
    const [user] = await users.listUsers({ email });
    if (user && user.metadata?.demo !== true) await users.updateUsers({ id: user.id, metadata: { ...(user.metadata ?? {}), demo: true } });
  }
}

/** `npm run seed -w @voltura/commerce`: the demo shop. Safe to run again; it only adds what is missing. */
export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const refusal = await refuseOnRealShop(container);
  if (refusal) throw new Error(`Demo seed refused: ${refusal}`);
  await seedSettings(container);
  const shop = await seedShop(container);
  await seedCatalogue(container, shop);
  await seedStaff(container);
  await markDemoStaff(container);
  await seedInventory(container, shop);
  const customerIds = await seedCustomers(container);
  await seedCrm(container, customerIds);
  await seedJobs(container);
  await seedBilling(container);
  await seedPos(container);
  await seedInvoicing(container);
  await seedConcierge(container);
  await seedWhatsApp(container);
  await seedCampaigns(container);
  // `npm start` only: a campaign sending on the simulator would add messages under the end-to-end tests.
  if (process.env.VOLTURA_DEMO_RUNNING_CAMPAIGN === "1") await launchDemoRunningCampaign(container);
  logger.info("Demo shop ready");
}
