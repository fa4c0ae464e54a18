import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Every audit row is also a live change (topic `audit`, for the dashboard's activity feed), written by
 * the database in the row's own transaction and announced on `voltura_live`, which PostgreSQL delivers
 * only at commit: every path that appends to the trail (recordAudit, the generic write row, outboxes,
 * SQL in a write's transaction) is covered, and a rolled-back row announces nothing. `live_event` belongs
 * to the live module (Migration20261207100000); until it exists the trigger does nothing.
 */
export class Migration20261207100100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION audit_entry_live_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE new_seq bigint;
      BEGIN
        IF to_regclass('live_event') IS NOT NULL THEN
          INSERT INTO live_event (topic, entity_id, action, actor_id) VALUES ('audit', NEW.id, left(NEW.action, 60), NEW.actor_id)
            RETURNING seq INTO new_seq;
          PERFORM pg_notify('voltura_live', new_seq::text);
        END IF;
        RETURN NULL;
      END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS audit_entry_live_change ON audit_entry;`);
    this.addSql(`CREATE TRIGGER audit_entry_live_change AFTER INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_live_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS audit_entry_live_change ON audit_entry;`);
    this.addSql(`DROP FUNCTION IF EXISTS audit_entry_live_change();`);
  }
}
