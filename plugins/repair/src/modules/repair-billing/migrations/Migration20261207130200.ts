import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { moveCounterToNumberSeriesSql } from "@voltura/plugin-platform/modules/number-series";

/** The repair_invoice_sequence counter moves into the platform's number_series (higher value kept) and is dropped. */
export class Migration20261207130200 extends Migration {
  override async up(): Promise<void> {
    for (const sql of moveCounterToNumberSeriesSql("repair_invoice_sequence")) this.addSql(sql);
  }

  override async down(): Promise<void> {
    // The numbers stay in number_series: nothing to undo without reusing a number.
  }
}
