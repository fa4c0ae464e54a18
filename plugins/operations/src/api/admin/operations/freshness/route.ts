import { sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { backupAgeHours } from "../../../../domain/alerts-rules";
import { newestCompletedBackup } from "../../../../modules/operations/sql/backups";
import { WORKER } from "../access";

/** The hourly freshness check's question: when did the newest backup complete, and how many hours ago. */
export const GET = staffRoute(WORKER, async (req, res) => {
  const newest = await newestCompletedBackup(sqlConnection(req.scope));
  const at = newest?.finished_at ? new Date(newest.finished_at) : null;
  res.json({ newest_completed_at: at?.toISOString() ?? null, age_hours: backupAgeHours(at, new Date()) });
});
