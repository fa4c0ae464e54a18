import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124151407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "repair_warranty_claim" drop constraint if exists "repair_warranty_claim_claim_job_id_unique";`);
    this.addSql(`alter table if exists "repair_quote" drop constraint if exists "repair_quote_repair_job_id_version_unique";`);
    this.addSql(`alter table if exists "repair_invoice" drop constraint if exists "repair_invoice_invoice_number_unique";`);
    this.addSql(`alter table if exists "repair_invoice" drop constraint if exists "repair_invoice_repair_job_id_unique";`);
    this.addSql(`create table if not exists "repair_invoice" ("id" text not null, "repair_job_id" text not null, "invoice_number" text not null, "order_id" text null, "subtotal_sen" integer not null, "sst_sen" integer not null, "total_sen" integer not null, "deposit_sen" integer not null, "amount_due_sen" integer not null, "sst_rate_bp" integer not null, "prices_include_tax" boolean not null, "issued_at" timestamptz not null, "issued_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_invoice_repair_job_id_unique" ON "repair_invoice" ("repair_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_invoice_invoice_number_unique" ON "repair_invoice" ("invoice_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_invoice_deleted_at" ON "repair_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_invoice_sequence" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_invoice_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_invoice_sequence_deleted_at" ON "repair_invoice_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_line" ("id" text not null, "repair_job_id" text not null, "kind" text check ("kind" in ('part', 'labour', 'fee')) not null, "title" text not null, "sku" text null, "variant_id" text null, "product_id" text null, "inventory_item_id" text null, "grade" text check ("grade" in ('original', 'oem', 'compatible')) null, "fee_type" text check ("fee_type" in ('diagnostic')) null, "quantity" integer not null default 1, "unit_price_sen" integer not null default 0, "hours" real null, "rate_sen" integer null, "warranty_days" integer not null default 0, "taxable" boolean not null default true, "waived" boolean not null default false, "note" text null, "reservation_id" text null, "stock_location_id" text null, "consumed_at" timestamptz null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_line_deleted_at" ON "repair_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_line_repair_job_id" ON "repair_line" ("repair_job_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_payment" ("id" text not null, "repair_job_id" text not null, "invoice_id" text null, "method" text check ("method" in ('cash', 'card', 'duitnow_qr', 'ewallet', 'bank_transfer')) not null, "amount_sen" integer not null, "tendered_sen" integer not null, "reference" text null, "collected_by" text null, "collected_by_ic_last4" text null, "received_by" text not null, "received_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_payment_deleted_at" ON "repair_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_payment_repair_job_id" ON "repair_payment" ("repair_job_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_quote" ("id" text not null, "repair_job_id" text not null, "version" integer not null, "status" text check ("status" in ('draft', 'sent', 'approved', 'rejected')) not null default 'draft', "snapshot" jsonb not null, "note" text null, "sent_at" timestamptz null, "sent_by" text null, "decided_at" timestamptz null, "decided_by" text null, "decision_channel" text check ("decision_channel" in ('counter', 'whatsapp')) null, "decision_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_quote_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_quote_deleted_at" ON "repair_quote" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_quote_repair_job_id_version_unique" ON "repair_quote" ("repair_job_id", "version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_warranty" ("id" text not null, "repair_job_id" text not null, "job_number" text not null, "repair_line_id" text not null, "title" text not null, "device" text not null, "customer_phone" text not null, "imei_serial" text null, "warranty_days" integer not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "void_reason" text check ("void_reason" in ('water_damage', 'physical_damage', 'opened_by_third_party')) null, "void_note" text null, "voided_at" timestamptz null, "voided_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_warranty_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_deleted_at" ON "repair_warranty" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_repair_job_id" ON "repair_warranty" ("repair_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_customer_phone" ON "repair_warranty" ("customer_phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_imei_serial" ON "repair_warranty" ("imei_serial") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "repair_warranty_claim" ("id" text not null, "claim_job_id" text not null, "original_job_id" text not null, "issue" text not null, "note" text null, "created_by" text not null, "warranty_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "repair_warranty_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_repair_warranty_claim_claim_job_id_unique" ON "repair_warranty_claim" ("claim_job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_claim_warranty_id" ON "repair_warranty_claim" ("warranty_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_repair_warranty_claim_deleted_at" ON "repair_warranty_claim" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "repair_warranty_claim" add constraint "repair_warranty_claim_warranty_id_foreign" foreign key ("warranty_id") references "repair_warranty" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "repair_warranty_claim" drop constraint if exists "repair_warranty_claim_warranty_id_foreign";`);

    this.addSql(`drop table if exists "repair_invoice" cascade;`);

    this.addSql(`drop table if exists "repair_invoice_sequence" cascade;`);

    this.addSql(`drop table if exists "repair_line" cascade;`);

    this.addSql(`drop table if exists "repair_payment" cascade;`);

    this.addSql(`drop table if exists "repair_quote" cascade;`);

    this.addSql(`drop table if exists "repair_warranty" cascade;`);

    this.addSql(`drop table if exists "repair_warranty_claim" cascade;`);
  }

}
