import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { isTerminalStatus, REPAIR_STATUSES } from "@voltura/domain";

const quoted = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(", ");
const OPEN = quoted(REPAIR_STATUSES.filter((s) => !isTerminalStatus(s)));
const FINISHED = quoted(REPAIR_STATUSES.filter((s) => isTerminalStatus(s)));

/**
 * Issue-text search and the board at shop scale.
 *
 * - `issue_search`: the issue as words, twice over: the 'simple' configuration on the unaccented,
 *   lower-cased text (Bahasa Melayu has no stemmer in PostgreSQL, so its words match as written)
 *   and the 'english' configuration (stems: "screens" finds "screen", "cracked" finds "crack").
 *   GIN without a pending list, on live rows.
 * - The board: the few open jobs by status (a small partial index, whatever the history holds) and
 *   the last finished ones newest change first.
 */
export class Migration20261206190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_job" add column if not exists "issue_search" tsvector generated always as (
      to_tsvector('simple'::regconfig, public.repair_search_key("issue")) || to_tsvector('english'::regconfig, "issue")) stored;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_issue_search" ON "repair_job" USING gin ("issue_search") WITH (fastupdate = off) WHERE "deleted_at" IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_board_open" ON "repair_job" ("status", "sla_due_at", "id") WHERE "deleted_at" IS NULL AND "status" IN (${OPEN});`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_job_board_finished" ON "repair_job" ("updated_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL AND "status" IN (${FINISHED});`);
  }

  override async down(): Promise<void> {
    for (const name of ["issue_search", "board_open", "board_finished"]) this.addSql(`DROP INDEX IF EXISTS "IDX_repair_job_${name}";`);
    this.addSql(`alter table if exists "repair_job" drop column if exists "issue_search";`);
  }

}
