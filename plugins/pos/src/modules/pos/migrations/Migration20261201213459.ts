import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213459 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pos_shift" drop constraint if exists "pos_shift_register_id_unique";`);
    this.addSql(`alter table if exists "pos_sale" drop constraint if exists "pos_sale_receipt_number_unique";`);
    this.addSql(`alter table if exists "pos_sale" drop constraint if exists "pos_sale_idempotency_key_unique";`);
    this.addSql(`alter table if exists "pos_return" drop constraint if exists "pos_return_idempotency_key_unique";`);
    this.addSql(`alter table if exists "pos_payment" drop constraint if exists "pos_payment_idempotency_key_unique";`);
    this.addSql(`create table if not exists "pos_approval" ("id" text not null, "sale_id" text not null, "kind" text check ("kind" in ('stock_override', 'discount')) not null, "method" text check ("method" in ('session', 'credentials')) not null, "approved_by" text not null, "approved_by_name" text not null, "requested_by" text not null, "detail" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_approval_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_approval_deleted_at" ON "pos_approval" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_approval_sale_id" ON "pos_approval" ("sale_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_payment" ("id" text not null, "sale_id" text not null, "stage" text check ("stage" in ('checkout', 'balance')) not null, "method" text check ("method" in ('cash', 'card', 'duitnow_qr', 'ewallet', 'bank_transfer')) not null, "amount_sen" integer not null, "tendered_sen" integer not null, "change_sen" integer not null default 0, "cash_rounding_sen" integer not null default 0, "reference" text null, "shift_id" text null, "idempotency_key" text null, "received_by" text not null, "received_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_payment_deleted_at" ON "pos_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_payment_sale_id" ON "pos_payment" ("sale_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_payment_shift_id" ON "pos_payment" ("shift_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_payment_idempotency_key_unique" ON "pos_payment" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_receipt_sequence" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_receipt_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_receipt_sequence_deleted_at" ON "pos_receipt_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_return" ("id" text not null, "sale_id" text not null, "idempotency_key" text not null, "lines" jsonb not null, "restock" boolean not null, "refund_method" text check ("refund_method" in ('cash', 'card', 'duitnow_qr', 'ewallet', 'bank_transfer')) not null, "refund_sen" integer not null, "paid_out_sen" integer not null, "cash_rounding_sen" integer not null, "reason" text null, "shift_id" text null, "created_by" text not null, "created_by_name" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_return_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_return_idempotency_key_unique" ON "pos_return" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_return_deleted_at" ON "pos_return" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_return_sale_id" ON "pos_return" ("sale_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_return_shift_id" ON "pos_return" ("shift_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_sale" ("id" text not null, "idempotency_key" text not null, "request_hash" text not null, "status" text check ("status" in ('pending', 'completed')) not null default 'pending', "receipt_number" text null, "register_id" text not null, "shift_id" text null, "order_id" text null, "customer_id" text null, "customer_phone" text null, "customer_name" text null, "subtotal_sen" integer not null default 0, "line_discount_sen" integer not null default 0, "promotion_discount_sen" integer not null default 0, "cart_discount_sen" integer not null default 0, "discount_sen" integer not null default 0, "promo_codes" jsonb null, "sst_sen" integer not null default 0, "sst_by_rate" jsonb null, "sst_included" boolean not null default false, "total_sen" integer not null default 0, "cash_rounding_sen" integer not null default 0, "rounded_total_sen" integer not null default 0, "tendered_sen" integer not null default 0, "paid_sen" integer not null default 0, "change_sen" integer not null default 0, "balance_due_sen" integer not null default 0, "refunded_sen" integer not null default 0, "cashier_id" text not null, "cashier_name" text not null, "note" text null, "sold_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_sale_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_sale_idempotency_key_unique" ON "pos_sale" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_sale_receipt_number_unique" ON "pos_sale" ("receipt_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_deleted_at" ON "pos_sale" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_sold_at" ON "pos_sale" ("sold_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_customer_id" ON "pos_sale" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_shift_id" ON "pos_sale" ("shift_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_sale_line" ("id" text not null, "sale_id" text not null, "position" integer not null, "variant_id" text null, "product_id" text null, "inventory_item_id" text null, "title" text not null, "sku" text null, "kind" text check ("kind" in ('product', 'service')) not null, "quantity" integer not null, "unit_price_sen" integer not null, "gross_sen" integer not null, "line_discount_sen" integer not null, "promotion_sen" integer not null, "cart_discount_sen" integer not null, "net_sen" integer not null, "sst_rate_bp" integer not null, "sst_sen" integer not null, "total_sen" integer not null, "returned_quantity" integer not null default 0, "stock_override" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_sale_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_line_deleted_at" ON "pos_sale_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_line_sale_id" ON "pos_sale_line" ("sale_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_sale_line_variant_id" ON "pos_sale_line" ("variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_setting" ("id" text not null, "line_max_percent_bp" integer null, "line_max_amount_sen" integer null, "cart_max_percent_bp" integer null, "cart_max_amount_sen" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_setting_deleted_at" ON "pos_setting" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pos_shift" ("id" text not null, "register_id" text not null, "status" text check ("status" in ('open', 'closed')) not null default 'open', "opened_by" text not null, "opened_by_name" text not null, "opened_at" timestamptz not null, "opening_float_sen" integer not null, "closed_by" text null, "closed_by_name" text null, "closed_at" timestamptz null, "cash_sales_sen" integer null, "cash_refunds_sen" integer null, "expected_cash_sen" integer null, "counted_cash_sen" integer null, "variance_sen" integer null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_shift_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_shift_deleted_at" ON "pos_shift" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_shift_register_id_unique" ON "pos_shift" ("register_id") WHERE status = 'open' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_shift_opened_at" ON "pos_shift" ("opened_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pos_approval" cascade;`);

    this.addSql(`drop table if exists "pos_payment" cascade;`);

    this.addSql(`drop table if exists "pos_receipt_sequence" cascade;`);

    this.addSql(`drop table if exists "pos_return" cascade;`);

    this.addSql(`drop table if exists "pos_sale" cascade;`);

    this.addSql(`drop table if exists "pos_sale_line" cascade;`);

    this.addSql(`drop table if exists "pos_setting" cascade;`);

    this.addSql(`drop table if exists "pos_shift" cascade;`);
  }

}
