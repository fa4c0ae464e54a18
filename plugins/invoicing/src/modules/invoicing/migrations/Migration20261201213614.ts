import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213614 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sales_invoice" drop constraint if exists "sales_invoice_invoice_number_unique";`);
    this.addSql(`alter table if exists "quotation" drop constraint if exists "quotation_quotation_number_unique";`);
    this.addSql(`create table if not exists "document_template" ("id" text not null, "header" text not null, "footer" text not null, "terms" text not null, "accent_colour" text not null, "logo_base64" text null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "document_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_document_template_deleted_at" ON "document_template" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "einvoice_profile" ("id" text not null, "tin" text not null, "msic_code" text not null, "msic_name" text not null, "city" text not null, "postcode" text not null, "state_code" text not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "einvoice_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_einvoice_profile_deleted_at" ON "einvoice_profile" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quotation" ("id" text not null, "quotation_number" text not null, "status" text check ("status" in ('draft', 'sent', 'accepted', 'declined', 'expired', 'converted')) not null default 'draft', "customer_id" text null, "buyer" jsonb not null, "lines" jsonb not null, "notes" text null, "subtotal_sen" integer not null, "discount_sen" integer not null, "sst_sen" integer not null, "total_sen" integer not null, "prices_include_tax" boolean not null, "issued_at" timestamptz not null, "valid_until" timestamptz not null, "sent_at" timestamptz null, "decided_at" timestamptz null, "converted_invoice_id" text null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quotation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quotation_quotation_number_unique" ON "quotation" ("quotation_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quotation_deleted_at" ON "quotation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quotation_status" ON "quotation" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quotation_customer_id" ON "quotation" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quotation_sequence" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quotation_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quotation_sequence_deleted_at" ON "quotation_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sales_invoice" ("id" text not null, "invoice_number" text not null, "status" text check ("status" in ('unpaid', 'partially_paid', 'paid')) not null default 'unpaid', "quotation_id" text null, "customer_id" text null, "buyer" jsonb not null, "lines" jsonb not null, "notes" text null, "subtotal_sen" integer not null, "discount_sen" integer not null, "sst_sen" integer not null, "total_sen" integer not null, "paid_sen" integer not null default 0, "balance_sen" integer not null, "prices_include_tax" boolean not null, "issued_at" timestamptz not null, "due_at" timestamptz null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sales_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sales_invoice_invoice_number_unique" ON "sales_invoice" ("invoice_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_deleted_at" ON "sales_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_status" ON "sales_invoice" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_issued_at" ON "sales_invoice" ("issued_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_quotation_id" ON "sales_invoice" ("quotation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sales_invoice_payment" ("id" text not null, "method" text check ("method" in ('cash', 'card', 'duitnow_qr', 'ewallet', 'bank_transfer')) not null, "amount_sen" integer not null, "reference" text null, "received_by" text not null, "received_at" timestamptz not null, "invoice_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sales_invoice_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_payment_invoice_id" ON "sales_invoice_payment" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_invoice_payment_deleted_at" ON "sales_invoice_payment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sales_invoice_payment" add constraint "sales_invoice_payment_invoice_id_foreign" foreign key ("invoice_id") references "sales_invoice" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sales_invoice_payment" drop constraint if exists "sales_invoice_payment_invoice_id_foreign";`);

    this.addSql(`drop table if exists "document_template" cascade;`);

    this.addSql(`drop table if exists "einvoice_profile" cascade;`);

    this.addSql(`drop table if exists "quotation" cascade;`);

    this.addSql(`drop table if exists "quotation_sequence" cascade;`);

    this.addSql(`drop table if exists "sales_invoice" cascade;`);

    this.addSql(`drop table if exists "sales_invoice_payment" cascade;`);
  }

}
