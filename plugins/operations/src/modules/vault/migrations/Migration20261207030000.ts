import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The vault: secrets owners set in the console, sealed at rest; the key ring stays outside the database. */
export class Migration20261207030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "vault_secret" ("id" text not null, "name" text not null,
      "sealed" text not null check ("sealed" like 'vk1.%'), "key_id" text not null, "updated_by" text null,
      "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null,
      constraint "vault_secret_pkey" primary key ("id"));`);
    this.addSql(`create unique index if not exists "IDX_vault_secret_name_unique" on "vault_secret" ("name");`);
    this.addSql(`create index if not exists "IDX_vault_secret_deleted_at" on "vault_secret" ("deleted_at") where deleted_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "vault_secret" cascade;`);
  }
}
