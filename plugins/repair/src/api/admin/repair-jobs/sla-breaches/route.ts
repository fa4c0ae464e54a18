import { MANAGERS } from "@voltura/domain";
import { rows, slaBreachStatements, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { loadRepairJobsByIds } from "../query";

/** The panel shows the first few; more than this is a count, not a list. */
const MOST_OVERDUE_SHOWN = 100;

/**
 * Open jobs past their SLA, most overdue first: jobs still being worked on or waiting
 * (Pending, In Progress, Awaiting Approval / Parts). Completed and finished jobs stopped their clock.
 * In SQL over the (status, sla_due_at) index: only breached open jobs are read, the most overdue loaded.
 */
export const GET = staffRoute([...MANAGERS, "system"], async (req, res) => {
  const db = sqlConnection(req.scope);
  const statements = slaBreachStatements(new Date(), MOST_OVERDUE_SHOWN);
  const [ids, [counted]] = await Promise.all([
    rows(db, statements.page.sql, statements.page.bindings),
    rows(db, statements.count.sql, statements.count.bindings),
  ]);
  const jobs = await loadRepairJobsByIds(req.scope, ids.map((r) => String(r.id)));
  res.json({ repair_jobs: jobs, count: Number(counted?.n ?? 0) });
});
