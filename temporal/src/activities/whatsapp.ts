import type { WhatsAppActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";

export function createWhatsAppActivities(_deps: ActivityDeps): WhatsAppActivities {
  return {};
}
