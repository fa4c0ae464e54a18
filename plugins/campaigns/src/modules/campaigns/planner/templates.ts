import { variablesIn } from "@voltura/domain";
import type { CampaignTemplate } from "@voltura/contracts";
import type { SqlRow } from "@voltura/medusa-kit";

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function templateAnswer(row: SqlRow): CampaignTemplate {
  return {
    id: String(row.id),
    name: String(row.name),
    language: row.language as CampaignTemplate["language"],
    body: String(row.body),
    variables: variablesIn(String(row.body)),
    created_by: (row.created_by as string | null) ?? null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
