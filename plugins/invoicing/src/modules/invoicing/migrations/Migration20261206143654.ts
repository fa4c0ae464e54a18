import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206143654 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sales_invoice_payment" drop constraint if exists "sales_invoice_payment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "sales_invoice" drop constraint if exists "sales_invoice_idempotency_key_unique";`);
    this.addSql(`alter table if exists "sales_invoice" add column if not exists "idempotency_key" text null, add column if not exists "request_hash" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sales_invoice_idempotency_key_unique" ON "sales_invoice" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sales_invoice_payment" add column if not exists "idempotency_key" text null, add column if not exists "request_hash" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sales_invoice_payment_idempotency_key_unique" ON "sales_invoice_payment" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_sales_invoice_idempotency_key_unique";`);
    this.addSql(`alter table if exists "sales_invoice" drop column if exists "idempotency_key", drop column if exists "request_hash";`);

    this.addSql(`drop index if exists "IDX_sales_invoice_payment_idempotency_key_unique";`);
    this.addSql(`alter table if exists "sales_invoice_payment" drop column if exists "idempotency_key", drop column if exists "request_hash";`);
  }

}
