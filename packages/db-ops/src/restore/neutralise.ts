import { tableColumns, withClient, type Client } from "./sql.js";

const REASON = "restored copy";

/** One switch-off: runs only when the table has the columns it names (a backup from an old version may lack them). */
interface Switch { table: string; columns: string[]; what: string; sql: string }

/**
 * Everything that could reach the outside from a copy (the way Odoo neutralises one): WhatsApp numbers disabled and
 * their credentials removed, the campaign emergency stop pressed, campaigns and senders paused, every outbox row
 * cancelled, vault secrets (SMTP, OpenAI, S3 keys) removed so mail can only land in the outbox.
 */
const SWITCHES: Switch[] = [
  { table: "whatsapp_session", columns: ["enabled"], what: "WhatsApp numbers disabled",
    sql: `UPDATE whatsapp_session SET enabled = false WHERE enabled` },
  { table: "whatsapp_auth_state", columns: [], what: "WhatsApp credentials removed", sql: `DELETE FROM whatsapp_auth_state` },
  { table: "whatsapp_message", columns: ["status", "error"], what: "pending WhatsApp messages cancelled",
    sql: `UPDATE whatsapp_message SET status = 'failed', error = 'cancelled: ${REASON}' WHERE status = 'pending'` },
  { table: "campaign_control", columns: ["stopped_at", "stopped_by", "stop_reason"], what: "campaign emergency stop pressed",
    sql: `INSERT INTO campaign_control (id, stopped_at, stopped_by, stop_reason) VALUES ('emergency_stop', now(), 'system', '${REASON}')
          ON CONFLICT (id) DO UPDATE SET stopped_at = now(), stopped_by = 'system', stop_reason = '${REASON}' WHERE campaign_control.stopped_at IS NULL` },
  { table: "campaign", columns: ["status"], what: "scheduled or running campaigns paused",
    sql: `UPDATE campaign SET status = 'paused' WHERE status IN ('scheduled', 'running')` },
  { table: "campaign_sender", columns: ["paused_at", "paused_reason", "paused_by"], what: "campaign senders paused",
    sql: `UPDATE campaign_sender SET paused_at = now(), paused_reason = '${REASON}', paused_by = 'system' WHERE paused_at IS NULL` },
  { table: "pos_outbox", columns: ["done_at", "last_error"], what: "counter-sale outbox rows cancelled",
    sql: `UPDATE pos_outbox SET done_at = now(), last_error = 'cancelled: ${REASON}' WHERE done_at IS NULL` },
  { table: "pos_sale", columns: ["outbox"], what: "counter-sale outboxes emptied",
    sql: `UPDATE pos_sale SET outbox = NULL WHERE outbox IS NOT NULL AND outbox <> '[]'::jsonb` },
  { table: "repair_job", columns: ["outbox"], what: "repair-job outboxes emptied",
    sql: `UPDATE repair_job SET outbox = '[]'::jsonb WHERE outbox IS NOT NULL AND outbox <> '[]'::jsonb` },
  { table: "notification", columns: ["status"], what: "pending notifications cancelled",
    sql: `UPDATE notification SET status = 'failure' WHERE status = 'pending'` },
  { table: "vault_secret", columns: [], what: "vault secrets removed", sql: `DELETE FROM vault_secret` },
];

async function applicable(c: Client, s: Switch): Promise<boolean> {
  const columns = await tableColumns(c, s.table);
  return columns.size > 0 && s.columns.every((name) => columns.has(name));
}

/** Runs every switch in one transaction on the copy. Repeatable: a second run changes nothing. Returns what it did. */
export async function neutraliseDatabase(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (c) => {
    const done: string[] = [];
    await c.query("BEGIN");
    try {
      for (const s of SWITCHES) {
        if (!(await applicable(c, s))) continue;
        const { rowCount } = await c.query(s.sql);
        done.push(`${s.what}: ${rowCount ?? 0}`);
      }
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    return done;
  });
}

/** What could still send from this database (0 everywhere once neutralised); the restore test asserts on it. */
export async function outboundCapableRows(databaseUrl: string): Promise<Record<string, number>> {
  const checks: Array<[table: string, column: string, sql: string]> = [
    ["whatsapp_session", "enabled", `SELECT count(*)::int AS n FROM whatsapp_session WHERE enabled`],
    ["whatsapp_auth_state", "session_id", `SELECT count(*)::int AS n FROM whatsapp_auth_state`],
    ["whatsapp_message", "status", `SELECT count(*)::int AS n FROM whatsapp_message WHERE status = 'pending'`],
    ["campaign_control", "stopped_at", `SELECT (count(*) FILTER (WHERE stopped_at IS NOT NULL) = 0)::int AS n FROM campaign_control WHERE id = 'emergency_stop'`],
    ["campaign", "status", `SELECT count(*)::int AS n FROM campaign WHERE status IN ('scheduled', 'running')`],
    ["campaign_sender", "paused_at", `SELECT count(*)::int AS n FROM campaign_sender WHERE paused_at IS NULL`],
    ["pos_outbox", "done_at", `SELECT count(*)::int AS n FROM pos_outbox WHERE done_at IS NULL`],
    ["pos_sale", "outbox", `SELECT count(*)::int AS n FROM pos_sale WHERE outbox IS NOT NULL AND outbox <> '[]'::jsonb`],
    ["repair_job", "outbox", `SELECT count(*)::int AS n FROM repair_job WHERE outbox IS NOT NULL AND outbox <> '[]'::jsonb`],
    ["notification", "status", `SELECT count(*)::int AS n FROM notification WHERE status = 'pending'`],
    ["vault_secret", "id", `SELECT count(*)::int AS n FROM vault_secret`],
  ];
  return withClient(databaseUrl, async (c) => {
    const found: Record<string, number> = {};
    for (const [table, column, sql] of checks) {
      if (!(await tableColumns(c, table)).has(column)) continue;
      found[table] = (await c.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
    }
    return found;
  });
}
