import { generateEntityId } from "@medusajs/framework/utils";
import type { Sql } from "@voltura/medusa-kit";
import type { VolturaActor } from "@voltura/medusa-kit";

/** Stores one PDPA request (inside the caller's transaction when it has one). */
export async function recordDataRequest(db: Sql, input: { id?: string; kind: "export" | "anonymise"; customerId: string; format: string | null; actor: VolturaActor; summary: Record<string, unknown> }): Promise<string> {
  const id = input.id ?? generateEntityId(undefined, "dreq");
  await db.raw(`INSERT INTO data_request (id, kind, customer_id, format, requested_by, requested_by_role, summary) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [id, input.kind, input.customerId, input.format, input.actor.id, input.actor.role, JSON.stringify(input.summary)]);
  return id;
}

export const newDataRequestId = () => generateEntityId(undefined, "dreq");
