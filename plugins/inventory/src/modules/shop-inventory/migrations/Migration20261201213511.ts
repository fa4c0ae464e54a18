import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201213511 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "supplier_item" drop constraint if exists "supplier_item_supplier_id_inventory_item_id_unique";`);
    this.addSql(`alter table if exists "purchase_order" drop constraint if exists "purchase_order_po_number_unique";`);
    this.addSql(`alter table if exists "item_stock_profile" drop constraint if exists "item_stock_profile_inventory_item_id_unique";`);
    this.addSql(`create table if not exists "item_stock_profile" ("id" text not null, "inventory_item_id" text not null, "average_cost_sen" integer not null default 0, "low_stock_threshold" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "item_stock_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_item_stock_profile_inventory_item_id_unique" ON "item_stock_profile" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_item_stock_profile_deleted_at" ON "item_stock_profile" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order" ("id" text not null, "po_number" text not null, "supplier_id" text not null, "location_id" text not null, "status" text check ("status" in ('draft', 'sent', 'partially_received', 'received', 'cancelled')) not null default 'draft', "note" text null, "expected_at" timestamptz null, "sent_at" timestamptz null, "received_at" timestamptz null, "cancelled_at" timestamptz null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_order_po_number_unique" ON "purchase_order" ("po_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_deleted_at" ON "purchase_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_supplier_id" ON "purchase_order" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_status" ON "purchase_order" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_line" ("id" text not null, "inventory_item_id" text not null, "title" text not null, "sku" text null, "quantity_ordered" integer not null, "quantity_received" integer not null default 0, "unit_cost_sen" integer not null, "purchase_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_purchase_order_id" ON "purchase_order_line" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_line_deleted_at" ON "purchase_order_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_sequence" ("id" text not null, "last_value" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_sequence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_sequence_deleted_at" ON "purchase_order_sequence" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_movement" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity_delta" integer not null, "kind" text check ("kind" in ('opening', 'sale', 'return', 'repair_consumption', 'receipt', 'adjustment', 'stock_take')) not null, "unit_cost_sen" integer null, "reference_type" text null, "reference_id" text null, "actor_id" text null, "reason" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_deleted_at" ON "stock_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_inventory_item_id_location_id" ON "stock_movement" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_reference_type_reference_id" ON "stock_movement" ("reference_type", "reference_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_kind" ON "stock_movement" ("kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_take" ("id" text not null, "location_id" text not null, "status" text check ("status" in ('open', 'counting', 'posted', 'cancelled')) not null default 'open', "note" text null, "created_by" text not null, "posted_by" text null, "posted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_take_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_take_deleted_at" ON "stock_take" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_take_status" ON "stock_take" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_take_line" ("id" text not null, "inventory_item_id" text not null, "title" text not null, "sku" text null, "barcode" text null, "expected_quantity" integer not null, "counted_quantity" integer null, "stock_take_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_take_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_take_line_stock_take_id" ON "stock_take_line" ("stock_take_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_take_line_deleted_at" ON "stock_take_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier" ("id" text not null, "name" text not null, "contact_name" text null, "phone" text null, "email" text null, "address" text null, "notes" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_deleted_at" ON "supplier" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier_item" ("id" text not null, "inventory_item_id" text not null, "supplier_sku" text null, "cost_sen" integer not null, "lead_time_days" integer not null default 0, "supplier_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_item_supplier_id" ON "supplier_item" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_item_deleted_at" ON "supplier_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_item_supplier_id_inventory_item_id_unique" ON "supplier_item" ("supplier_id", "inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_item_inventory_item_id" ON "supplier_item" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "purchase_order_line" add constraint "purchase_order_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "stock_take_line" add constraint "stock_take_line_stock_take_id_foreign" foreign key ("stock_take_id") references "stock_take" ("id") on update cascade;`);

    this.addSql(`alter table if exists "supplier_item" add constraint "supplier_item_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "purchase_order_line" drop constraint if exists "purchase_order_line_purchase_order_id_foreign";`);

    this.addSql(`alter table if exists "stock_take_line" drop constraint if exists "stock_take_line_stock_take_id_foreign";`);

    this.addSql(`alter table if exists "supplier_item" drop constraint if exists "supplier_item_supplier_id_foreign";`);

    this.addSql(`drop table if exists "item_stock_profile" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "purchase_order_line" cascade;`);

    this.addSql(`drop table if exists "purchase_order_sequence" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);

    this.addSql(`drop table if exists "stock_take" cascade;`);

    this.addSql(`drop table if exists "stock_take_line" cascade;`);

    this.addSql(`drop table if exists "supplier" cascade;`);

    this.addSql(`drop table if exists "supplier_item" cascade;`);
  }

}
