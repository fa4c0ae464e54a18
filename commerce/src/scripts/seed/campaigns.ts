import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils";
import { createCampaign } from "@voltura/plugin-campaigns/modules/campaigns/planner/campaign-write";
import { applyCampaignAction } from "@voltura/plugin-campaigns/modules/campaigns/planner/lifecycle-commit";
import { shopNameOf } from "@voltura/plugin-campaigns/modules/campaigns/planner/shop";
import { createCampaignBodySchema } from "@voltura/contracts";
import { DEMO_CUSTOMERS, DEMO_STAFF } from "./demo-data";
import { normalisePhone } from "@voltura/domain";

type Db = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

const DRAFT = "Waranti skrin hampir tamat";
const COMPLETED = "Promosi Hari Kebangsaan";
const RUNNING = "Peringatan ambil peranti";

/** More people for the completed campaign's imported list (demo numbers, never sent to). */
const LIST_NAMES = [
  "Ahmad Faizal", "Chong Mei Yee", "Kavitha Subramaniam", "Mohd Hafiz", "Lee Chee Keong", "Nor Azlina", "Rajesh Kumar", "Tan Siew Ling",
  "Wan Amirul", "Goh Boon Huat", "Saraswathy Rao", "Zulkifli Hassan", "Ong Pei Shan", "Farah Nadia", "Lim Kok Wai", "Priya Nair",
  "Hafizah Yusof", "Ng Wei Ming", "Azman Ismail", "Yap Li Ting", "Suresh Pillai", "Aminah Salleh", "Chan Kar Weng", "Intan Maisarah",
  "Khoo Boon Leong", "Deepa Menon", "Rosli Ahmad", "Teoh Jia Hui", "Siti Khadijah", "Wong Yoke Lan", "Arjun Das", "Nur Syafiqah",
  "Loh Kah Meng", "Halim Jaafar",
];

/** Final states of the 40 people of the completed run, in freeze order (sent ones replied / converted / opted out as marked). */
type Outcome = { status: "read" | "delivered" | "sent" | "failed" | "skipped"; reason?: string; replied?: boolean; converted?: boolean; optedOut?: boolean };
const OUTCOMES: Outcome[] = [
  ...Array.from({ length: 14 }, (_, i): Outcome => ({ status: "read", replied: i % 3 === 0, converted: i === 0 || i === 6, optedOut: i === 10 })),
  ...Array.from({ length: 9 }, (): Outcome => ({ status: "delivered" })),
  ...Array.from({ length: 6 }, (): Outcome => ({ status: "sent" })),
  { status: "failed", reason: "463" }, { status: "failed", reason: "not_on_whatsapp" }, { status: "failed", reason: "timeout" },
  { status: "skipped", reason: "opted_out" }, { status: "skipped", reason: "opted_out" }, { status: "skipped", reason: "blacklisted" },
  { status: "skipped", reason: "contact_cap" }, { status: "skipped", reason: "identical_text" }, { status: "skipped", reason: "invalid_phone" },
  { status: "sent" }, { status: "read" },
];

async function demoManager(container: MedusaContainer): Promise<{ id: string | null; name: string }> {
  const manager = DEMO_STAFF.find((s) => s.role === "manager")!;
  const [user] = await container.resolve(Modules.USER).listUsers({ email: manager.email });
  return { id: user?.id ?? null, name: manager.name };
}

async function simulatorSession(db: Db): Promise<string | null> {
  const { rows } = await db.raw(`SELECT id FROM whatsapp_session WHERE name = 'Shop (simulator)' AND deleted_at IS NULL LIMIT 1`);
  return (rows[0]?.id as string | undefined) ?? null;
}

async function exists(db: Db, name: string): Promise<boolean> {
  return (await db.raw(`SELECT 1 FROM campaign WHERE name = ? AND deleted_at IS NULL LIMIT 1`, [name])).rows.length > 0;
}

const TEMPLATE_MS = "{Hai|Salam} {nama}! 🇲🇾 Sempena Hari Kebangsaan, *diskaun 20%* untuk penukaran skrin dan bateri sehingga 16 September di {shop_name}.\n\nTak mahu terima promosi? {optout_link}";
const TEMPLATE_EN = "{Hi|Hello} {nama}! 🇲🇾 For Merdeka, *20% off* screen and battery replacements until 16 September at {shop_name}.\n\nNo more promotions? {optout_link}";

/** The completed campaign: its list, its frozen run with every recipient in a final state, and its events. */
async function seedCompleted(container: MedusaContainer, db: Db, sessionId: string, actor: { id: string | null; name: string }): Promise<void> {
  const day = 86_400_000;
  const launchedAt = new Date(Date.now() - 18 * day);
  launchedAt.setUTCHours(1, 0, 0, 0); // 09:00 in Kuala Lumpur
  const row = await createCampaign(container, createCampaignBodySchema.parse({
    name: COMPLETED, description: "Diskaun skrin dan bateri untuk semua pelanggan (senarai CSV)", session_ids: [sessionId],
    template_ms: TEMPLATE_MS, template_en: TEMPLATE_EN, fallbacks: { nama: "pelanggan" }, audience: { mode: "list" },
  }), actor);
  const customerIds = await Promise.all(DEMO_CUSTOMERS.map(async (c) => {
    const { rows } = await db.raw(`SELECT id FROM customer WHERE phone = ? AND deleted_at IS NULL LIMIT 1`, [normalisePhone(c.phone)]);
    return (rows[0]?.id as string | undefined) ?? null;
  }));
  const people = [
    ...DEMO_CUSTOMERS.map((c, i) => ({ name: c.name, phone: normalisePhone(c.phone), customerId: customerIds[i] ?? null })),
    ...LIST_NAMES.map((name, i) => ({ name, phone: `+6011555${String(1000 + i).padStart(5, "0")}`, customerId: null as string | null })),
  ];
  const shopName = await shopNameOf(container);
  let sentAt = launchedAt.getTime();
  for (const [i, person] of people.entries()) {
    const outcome = OUTCOMES[i] ?? { status: "delivered" };
    const phone = outcome.reason === "invalid_phone" ? "12345" : person.phone;
    await db.raw(`INSERT INTO campaign_list_entry (id, campaign_id, phone, name, "values", line, created_at, updated_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)`,
      [generateEntityId(undefined, "cle"), row.id, phone, person.name, i + 2, launchedAt, launchedAt]);
    const sent = outcome.status !== "skipped" && outcome.status !== "failed";
    if (sent || outcome.status === "failed") sentAt += (30 + ((i * 17) % 31)) * 1000 + (i % 25 === 24 ? 180_000 : 0);
    const at = new Date(sentAt);
    const plus = (minutes: number) => new Date(sentAt + minutes * 60_000);
    const delivered = ["delivered", "read"].includes(outcome.status) ? plus(1) : null;
    const read = outcome.status === "read" ? plus(7 + (i % 50)) : null;
    await db.raw(
      `INSERT INTO campaign_recipient (id, campaign_id, run_no, customer_id, phone, name, language, "values", session_id, status, reason,
         idempotency_key, body, message_id, claimed_at, sent_at, delivered_at, read_at, failed_at, replied_at, opted_out_at, converted_at,
         conversion_ref, created_at, updated_at)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        `crcp_${row.id.replace(/^camp_/, "")}r1_${String(i + 1).padStart(7, "0")}`, row.id, person.customerId, phone, person.name, i % 4 === 1 ? "en" : "ms",
        JSON.stringify({ nama: person.name, shop_name: shopName }), outcome.status === "skipped" ? null : sessionId, outcome.status, outcome.reason ?? null,
        `campaign:${row.id}:${person.customerId ?? person.phone}`,
        outcome.status === "skipped" ? null : `Hai ${person.name}! Sempena Hari Kebangsaan, *diskaun 20%* untuk penukaran skrin dan bateri.`,
        sent ? `wa_msg_demo_campaign_${i + 1}` : null, outcome.status === "skipped" ? null : at, sent ? at : null, delivered, read,
        outcome.status === "failed" ? at : null, outcome.replied ? plus(45 + i) : null, outcome.optedOut ? plus(90) : null,
        outcome.converted ? plus(3 * 24 * 60) : null, outcome.converted ? (i === 0 ? "repair_job" : "pos_sale") : null, launchedAt, read ?? delivered ?? at,
      ],
    );
  }
  const completedAt = new Date(sentAt + 5 * 60_000);
  await db.raw(`UPDATE campaign SET status = 'completed', run_no = 1, launched_at = ?, completed_at = ?, created_at = ?, updated_at = ? WHERE id = ?`,
    [launchedAt, completedAt, new Date(launchedAt.getTime() - 2 * day), completedAt, row.id]);
  const event = (from: string | null, to: string, action: string, at: Date, who: { id: string | null; name: string | null }, runNo: number | null) =>
    db.raw(`INSERT INTO campaign_event (id, campaign_id, from_status, to_status, action, actor_id, actor_name, reason, run_no, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`, [generateEntityId(undefined, "cevt"), row.id, from, to, action, who.id, who.name, runNo, at, at]);
  await db.raw(`UPDATE campaign_event SET created_at = ?, updated_at = ? WHERE campaign_id = ?`, [new Date(launchedAt.getTime() - 2 * day), new Date(launchedAt.getTime() - 2 * day), row.id]);
  await event("draft", "running", "launch", launchedAt, actor, 1);
  await event("running", "completed", "complete", completedAt, { id: null, name: "dispatch" }, 1);
}

/**
 * The demo's campaigns: one draft (warranty-expiry offer on a filter) and one completed campaign with its
 * recipients in final states, so the analytics have something to show. Skipped once they exist.
 */
export async function seedCampaigns(container: MedusaContainer): Promise<void> {
  const db = container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION);
  const sessionId = await simulatorSession(db);
  if (!sessionId) return;
  const actor = await demoManager(container);
  if (!(await exists(db, DRAFT))) {
    await createCampaign(container, createCampaignBodySchema.parse({
      name: DRAFT, description: "Tawaran kepada pelanggan yang waranti skrinnya tamat dalam 30 hari", session_ids: [sessionId],
      template_ms: "Hai {nama}, waranti skrin {model} anda tamat pada {expiry_date}. Tukar pelindung skrin dengan harga istimewa di {shop_name}!\n\n{optout_link}",
      template_en: "Hi {nama}, your {model} screen warranty ends on {expiry_date}. Get a screen protector at a special price at {shop_name}!\n\n{optout_link}",
      fallbacks: { nama: "pelanggan", model: "peranti" },
      audience: { mode: "filter", filter: { warranty_expiring_within_days: 30 }, freeze_at_launch: true },
    }), actor);
  }
  if (!(await exists(db, COMPLETED))) await seedCompleted(container, db, sessionId, actor);
  container.resolve(ContainerRegistrationKeys.LOGGER).info("Seeded the demo campaigns (a draft and a completed one)");
}

/**
 * The running demo campaign on the simulator: a pickup nudge to the customers whose job is completed,
 * launched for real (recipients frozen, Temporal run started). Run it once the dispatcher and the worker are up.
 */
export async function launchDemoRunningCampaign(container: MedusaContainer): Promise<string | null> {
  const db = container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION);
  const sessionId = await simulatorSession(db);
  if (!sessionId || (await exists(db, RUNNING))) return null;
  const actor = await demoManager(container);
  const row = await createCampaign(container, createCampaignBodySchema.parse({
    name: RUNNING, description: "Peringatan kepada pelanggan yang peranti mereka sudah siap", session_ids: [sessionId],
    template_ms: "{Hai|Salam} {nama}, {model} anda ({job_number}) sudah siap dan boleh diambil di {shop_name}. Terima kasih!",
    template_en: "{Hi|Hello} {nama}, your {model} ({job_number}) is ready for pickup at {shop_name}. Thank you!",
    fallbacks: { nama: "pelanggan", model: "peranti" },
    audience: { mode: "filter", filter: { job_statuses: ["completed"] }, freeze_at_launch: true },
  }), actor);
  await applyCampaignAction(container, row.id, "launch", actor, { shopName: await shopNameOf(container), reason: "demo" });
  return row.id;
}
