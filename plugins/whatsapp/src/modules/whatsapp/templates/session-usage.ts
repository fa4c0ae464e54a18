import type { MedusaContainer } from "@medusajs/framework/types";
import { sqlConnection } from "@voltura/medusa-kit";
import { uniqueUsers24h } from "./template-sql";

/**
 * Distinct customers each Cloud API number wrote to in the last 24 h (what Meta's messaging limit
 * tier counts); other kinds are not counted (absent from the map).
 */
export async function cloudUniqueUsers(scope: MedusaContainer, sessions: ReadonlyArray<{ id: string; kind: string }>): Promise<Map<string, number>> {
  const cloud = sessions.filter((s) => s.kind === "cloud_api").map((s) => s.id);
  if (!cloud.length) return new Map();
  const counted = await uniqueUsers24h(sqlConnection(scope), cloud);
  return new Map(cloud.map((id) => [id, counted.get(id) ?? 0]));
}
