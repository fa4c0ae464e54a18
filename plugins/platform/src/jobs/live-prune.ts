import type { MedusaContainer } from "@medusajs/framework/types";
import { LIVE_MODULE, type LiveModuleService } from "../modules/live";

/** Live changes are kept 24 h (long enough for any console to reconnect); older ones go every hour. */
export default async function livePruneJob(container: MedusaContainer): Promise<void> {
  await container.resolve<LiveModuleService>(LIVE_MODULE).prune();
}

export const config = { name: "live-prune", schedule: "17 * * * *" };
