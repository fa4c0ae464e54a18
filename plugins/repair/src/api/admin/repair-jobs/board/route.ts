import { REPAIR_DESK, REPAIR_STATUS_LABELS, type RepairStatus } from "@voltura/domain";
import type { RepairJob, RepairJobBoard } from "@voltura/contracts";
import { rows, sqlConnection, staffRoute, type SqlRow } from "@voltura/medusa-kit";
import { BOARD_OPEN_STATUSES, boardStatements } from "../../../../modules/repair/sql/board-sql";
import { jobFromCardRow } from "../query";

/** Open jobs by status (most urgent SLA first), one column per open status: the rule the SQL of modules/repair/sql/board-sql.ts follows. */
export function groupBoard(open: RepairJob[], finished: RepairJob[]): RepairJobBoard {
  return {
    columns: BOARD_OPEN_STATUSES.map((status) => {
      const jobs = open.filter((j) => j.status === status).sort((a, b) => a.sla!.due_at.localeCompare(b.sla!.due_at) || a.job_number.localeCompare(b.job_number));
      return { status, label: REPAIR_STATUS_LABELS[status], count: jobs.length, repair_jobs: jobs };
    }),
    finished,
  };
}

const toCard = (now: Date) => ({ column_count: _count, position: _position, ...row }: SqlRow): RepairJob => jobFromCardRow(row, now);

/** The kanban: every open job grouped by status, and the last 20 finished (delivered, cancelled, returned), all in indexed SQL. */
export const GET = staffRoute([...REPAIR_DESK, "system"], async (req, res) => {
  const now = new Date();
  const db = sqlConnection(req.scope);
  const statements = boardStatements(now);
  const [open, finished] = await Promise.all([
    rows(db, statements.open.sql, statements.open.bindings),
    rows(db, statements.finished.sql, statements.finished.bindings),
  ]);
  const board: RepairJobBoard = {
    columns: BOARD_OPEN_STATUSES.map((status: RepairStatus) => {
      const cards = open.filter((r) => r.status === status);
      return { status, label: REPAIR_STATUS_LABELS[status], count: Number(cards[0]?.column_count ?? 0), repair_jobs: cards.map(toCard(now)) };
    }),
    finished: finished.map(toCard(now)),
  };
  res.json(board);
});
