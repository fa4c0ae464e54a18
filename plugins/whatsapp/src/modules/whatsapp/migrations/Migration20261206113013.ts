import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Marks messages written in the simulator, so they never count as a customer's own decision. */
export class Migration20261206113013 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message" add column if not exists "simulated" boolean not null default false;`);
    // Inbound messages of simulator sessions stored before the flag existed were simulated too.
    this.addSql(`update "whatsapp_message" m set "simulated" = true from "whatsapp_session" s
      where s.id = m.session_id and s.kind = 'simulator' and m.direction = 'in';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "whatsapp_message" drop column if exists "simulated";`);
  }
}
