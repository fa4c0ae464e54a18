import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Maintenance mode switching on or off is a live change (topic `maintenance`, entity `shop`, action
 * `on` / `off`), so every console shows or drops the banner at once. The worker's restore writes the
 * row by SQL with commerce possibly down, hence a trigger: the change is recorded in the switch's own
 * transaction and announced on `voltura_live` at its commit. Without `live_event` (the live module's
 * table, Migration20261207100000) it does nothing.
 */
export class Migration20261207100200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION operations_maintenance_live_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE new_seq bigint;
      BEGIN
        IF to_regclass('live_event') IS NOT NULL AND (CASE WHEN TG_OP = 'INSERT' THEN NEW."on" ELSE OLD."on" IS DISTINCT FROM NEW."on" END) THEN
          INSERT INTO live_event (topic, entity_id, action, actor_id)
            VALUES ('maintenance', NEW.id, CASE WHEN NEW."on" THEN 'on' ELSE 'off' END, NEW."by") RETURNING seq INTO new_seq;
          PERFORM pg_notify('voltura_live', new_seq::text);
        END IF;
        RETURN NULL;
      END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS operations_maintenance_live_change ON operations_maintenance;`);
    this.addSql(`CREATE TRIGGER operations_maintenance_live_change AFTER INSERT OR UPDATE ON operations_maintenance
      FOR EACH ROW EXECUTE FUNCTION operations_maintenance_live_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS operations_maintenance_live_change ON operations_maintenance;`);
    this.addSql(`DROP FUNCTION IF EXISTS operations_maintenance_live_change();`);
  }
}
