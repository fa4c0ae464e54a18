import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { adoptCounterSql, CREATE_NUMBER_SERIES_SQL, OLD_COUNTER_TABLES } from "../adopt-counter";

/** number_series, with every old counter's values copied in (each old table is dropped by its own module). */
export class Migration20261207130000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of CREATE_NUMBER_SERIES_SQL) this.addSql(sql);
    for (const table of OLD_COUNTER_TABLES) this.addSql(adoptCounterSql(table, { drop: false }));
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "number_series" cascade;`);
  }
}
