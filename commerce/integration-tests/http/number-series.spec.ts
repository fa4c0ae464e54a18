import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { giveBackNumber, moveCounterToNumberSeriesSql, takeNextNumber } from "@voltura/plugin-platform/modules/number-series";

type Rows = { rows: Array<Record<string, unknown>> };
type Pg = { raw(sql: string, bindings?: unknown[]): Promise<Rows> };

const OLD_COUNTER = (table: string) =>
  `CREATE TABLE ${table} ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(),
     "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "${table}_pkey" primary key ("id"))`;

/** The one number_series table: the old per-module counters move into it without a number ever handed out twice. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_number_series",
  testSuite: ({ getContainer }) => {
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    const lastValue = async (series: string) => (await pg().raw(`SELECT last_value FROM number_series WHERE id = ?`, [series])).rows[0]?.last_value;
    const tableExists = async (table: string) => (await pg().raw(`SELECT to_regclass(?) AS t`, [`public.${table}`])).rows[0]!.t !== null;
    const runMigration = async (table: Parameters<typeof moveCounterToNumberSeriesSql>[0]) => {
      for (const sql of moveCounterToNumberSeriesSql(table)) await pg().raw(sql);
    };

    it("has dropped the old counter tables and created number_series", async () => {
      for (const table of ["repair_job_sequence", "repair_invoice_sequence", "quotation_sequence", "pos_receipt_sequence", "purchase_order_sequence"]) {
        expect(await tableExists(table)).toBe(false);
      }
      expect(await tableExists("number_series")).toBe(true);
    });

    it("moves an existing counter: the next number continues after the old counter's last", async () => {
      await pg().raw(OLD_COUNTER("repair_job_sequence"));
      await pg().raw(`INSERT INTO repair_job_sequence (id, last_value) VALUES ('VSH-2097', 41), ('VSH-2096', 7)`);
      await pg().raw(`INSERT INTO number_series (id, last_value) VALUES ('VSH-2096', 9)`);
      await runMigration("repair_job_sequence");

      expect(await tableExists("repair_job_sequence")).toBe(false);
      expect(await lastValue("VSH-2097")).toBe(41);
      expect(await lastValue("VSH-2096")).toBe(9); // the higher of the two is kept
      expect(await takeNextNumber(pg(), "VSH-2097")).toBe(42);
      expect(await takeNextNumber(pg(), "VSH-2096")).toBe(10);
    });

    it("keeps the higher value whichever module's migration runs first, and runs again harmlessly", async () => {
      await pg().raw(`INSERT INTO number_series (id, last_value) VALUES ('PO-2097', 120)`);
      await pg().raw(OLD_COUNTER("purchase_order_sequence"));
      await pg().raw(`INSERT INTO purchase_order_sequence (id, last_value) VALUES ('PO-2097', 100)`);
      await runMigration("purchase_order_sequence");
      await runMigration("purchase_order_sequence");
      expect(await lastValue("PO-2097")).toBe(120);
      expect(await takeNextNumber(pg(), "PO-2097")).toBe(121);
    });

    it("gives a number back only while it is still the last one", async () => {
      const taken = await takeNextNumber(pg(), "QUO-2097");
      const later = await takeNextNumber(pg(), "QUO-2097");
      expect(await giveBackNumber(pg(), "QUO-2097", taken)).toBe(false);
      expect(await giveBackNumber(pg(), "QUO-2097", later)).toBe(true);
      expect(await takeNextNumber(pg(), "QUO-2097")).toBe(later);
    });
  },
});
