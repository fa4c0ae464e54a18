import { MedusaError } from "@medusajs/framework/utils";
import { audienceFilterSchema, type AudienceCount, type AudienceFilter } from "@voltura/contracts";
import { parseOrThrow, rows, type Sql } from "@voltura/medusa-kit";
import { audienceCandidatesSql, audienceCountSql, listCandidatesSql, type SqlStatement } from "../../../domain/audience-sql";
import type { CampaignRow } from "./campaign-read";

/** `?filter=<json>` of the count route: JSON that is not a filter is a 400 naming the field. */
export function parseFilterParam(raw: unknown): AudienceFilter {
  if (typeof raw !== "string" || !raw.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: filter: is not JSON");
  }
  try {
    return parseOrThrow(audienceFilterSchema, json);
  } catch (err) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, String((err as Error).message).replace("Invalid request: ", "Invalid request: filter."));
  }
}

/** The candidates of a saved campaign's audience as it would be frozen now. */
export function campaignCandidates(row: Pick<CampaignRow, "id" | "audience">, now: Date): SqlStatement {
  return row.audience.mode === "list" ? listCandidatesSql(row.id) : audienceCandidatesSql(row.audience.filter, now);
}

export async function countAudience(db: Sql, candidates: SqlStatement): Promise<AudienceCount> {
  const statement = audienceCountSql(candidates);
  const [row] = await rows(db, statement.sql, statement.bindings);
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    matched: n("matched"),
    eligible: n("eligible"),
    excluded: { opted_out: n("opted_out"), blacklisted: n("blacklisted"), invalid_phone: n("invalid_phone"), duplicate_phone: n("duplicate_phone") },
  };
}
