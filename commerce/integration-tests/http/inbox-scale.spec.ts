import type { MedusaContainer } from "@medusajs/framework/types";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import type { RepairJob } from "@voltura/contracts";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { inboxStatements } from "@voltura/plugin-concierge/api/admin/concierge/inbox/inbox-sql";
import { BOARD_OPEN_STATUSES, boardStatements } from "@voltura/plugin-repair/modules/repair/sql/board-sql";
import { groupBoard } from "@voltura/plugin-repair/api/admin/repair-jobs/board/route";
import { messageListStatements } from "@voltura/plugin-whatsapp/domain/message-list-sql";
import { jobBody, settle } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";
import { explainPlan } from "./plans";

/** Enough rows that PostgreSQL prefers an index whenever one fits; the plans, not the clock, are asserted. */
const MESSAGES = 50_000;
const BIG_CHAT = 5_000;
const PHONES = 2_000;
const BIG_PHONE = "+60123456700";
const JOBS = 20_000;

const sql = (c: MedusaContainer) => sqlConnection(c);
/** A timestamp as PostgreSQL stores it (microseconds), UTC: sorts as text. */
const US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * Messages: the first BIG_CHAT one chat, the rest over PHONES phones; pairs share a created_at (the
 * id breaks the tie) and the steps are not whole milliseconds (the cursor keeps microseconds).
 * One conversation per phone at its last message, every tenth at one shared time, a few not yet
 * answered (no last_message_at); handoffs open, claimed, escalated and closed.
 */
async function seedChats(c: MedusaContainer) {
  await sql(c).raw(`
    INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, created_at, updated_at)
    SELECT 'wa_msg_it_' || lpad(g::text, 6, '0'), 'wa_sess_it', CASE WHEN g % 2 = 0 THEN 'in' ELSE 'out' END,
      CASE WHEN g <= ${BIG_CHAT} THEN '${BIG_PHONE}' ELSE '+6012' || lpad((g % ${PHONES})::text, 7, '0') END,
      'Message ' || g, 'delivered', timestamptz '2026-11-01 00:00:00+00' + (g / 2) * interval '1.000123 second', now()
    FROM generate_series(1, ${MESSAGES}) g`);
  await sql(c).raw(`
    INSERT INTO concierge_conversation (id, phone, mode, summary, recent_turns, language, last_message_at, created_at, updated_at)
    SELECT 'conv_it_' || lpad(n::text, 5, '0'), phone, 'bot', '', '[]'::jsonb, 'mixed',
      CASE WHEN n % 97 = 0 THEN NULL WHEN n % 10 = 0 THEN timestamptz '2026-11-01 04:00:00.123456+00' ELSE last_at END, first_at, now()
    FROM (SELECT row_number() OVER (ORDER BY phone) AS n, phone, max(created_at) AS last_at, min(created_at) AS first_at
            FROM whatsapp_message GROUP BY phone) chats`);
  await sql(c).raw(`
    INSERT INTO concierge_handoff (id, phone, reason, status, opened_at, escalated_at, closed_at)
    SELECT 'hoff_it_' || lpad(n::text, 4, '0'), '+6012' || lpad(n::text, 7, '0'), 'Asked for a person',
      CASE WHEN n <= 3 THEN 'open' WHEN n <= 5 THEN 'claimed' ELSE 'closed' END,
      timestamptz '2026-11-02 00:00:00+00' + n * interval '1 minute', CASE WHEN n = 4 THEN now() END, CASE WHEN n > 5 THEN now() END
    FROM generate_series(1, 300) n`);
  await sql(c).raw(`ANALYZE whatsapp_message; ANALYZE concierge_conversation; ANALYZE concierge_handoff`);
}

/**
 * Jobs of past years, almost all finished; every 250th open, in every open status, paused ones
 * with a pause start and earlier pauses, pairs with one SLA in one status (the job number breaks the tie).
 */
async function seedJobs(c: MedusaContainer) {
  await sql(c).raw(`
    INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone,
      created_by, received_at, sla_due_at, sla_paused_seconds, sla_paused_since, tracking_token, created_at, updated_at)
    SELECT 'rjob_it_' || lpad(g::text, 6, '0'), 'VSH-2024-' || lpad(g::text, 6, '0'), status, 'phone', 'Oppo', 'A' || (g % 50), 'Board issue ' || g,
      'normal', 'Board Customer ' || g, '+6013' || lpad(g::text, 7, '0'), 'seed', received, received + interval '72 hours',
      CASE WHEN (g / 500) % 3 = 0 THEN ((g / 500) % 7) * 3600 ELSE 0 END,
      CASE WHEN status IN ('awaiting_approval', 'awaiting_parts') THEN received + ((g / 500) % 11) * interval '1 hour'
           WHEN status IN ('completed', 'delivered', 'cancelled', 'returned_unrepaired') THEN received + interval '1 day' END,
      'tok_it_' || g, received, received + g * interval '1 second'
    FROM (SELECT g, now() - (g / 500) * interval '1 hour' AS received,
            CASE WHEN g % 250 = 0 THEN (ARRAY['pending', 'awaiting_approval', 'awaiting_parts', 'in_progress', 'completed'])[1 + (g / 500) % 5]
                 ELSE (ARRAY['delivered', 'delivered', 'cancelled', 'returned_unrepaired'])[1 + g % 4] END AS status
          FROM generate_series(1, ${JOBS}) g) jobs`);
  await sql(c).raw(`ANALYZE repair_job`);
}

const explain = (c: MedusaContainer, statement: { sql: string; bindings: unknown[] }, table: string) => explainPlan(c, statement, [table]);

const cursorOf = (raw: string) => ({ at: raw.slice(0, raw.indexOf(",")), id: raw.slice(raw.indexOf(",") + 1) });
const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id);

medusaIntegrationTestRunner({
  dbName: "voltura_it_inbox_scale",
  testSuite: ({ api, getContainer }) => {
    let manager: Headers;

    beforeEach(async () => {
      manager = (await staff(getContainer(), "manager")).headers;
    });

    it("pages a 5,000-message chat newest first by cursor, each message once, on the chat index", async () => {
      const c = getContainer();
      await seedChats(c);
      const truth = (await rows(sql(c), `SELECT id, to_char(created_at AT TIME ZONE 'UTC', ${US}) AS at FROM whatsapp_message WHERE phone = ?`, [BIG_PHONE]))
        .map((r) => ({ id: String(r.id), at: String(r.at) })).sort(newestFirst).map((r) => r.id);
      expect(truth).toHaveLength(BIG_CHAT);

      const seen: string[] = [];
      let before: string | null = null;
      let first: { count: number; count_estimated: boolean } | null = null;
      do {
        const query: string = `/admin/whatsapp/messages?phone=${encodeURIComponent(BIG_PHONE)}&limit=200${before ? `&before=${encodeURIComponent(before)}` : ""}`;
        const page = (await api.get(query, manager)).data;
        first ??= page;
        seen.push(...page.messages.map((m: { id: string }) => m.id));
        before = page.next_cursor;
      } while (before);
      expect(seen).toEqual(truth);
      expect(first!.count_estimated).toBe(true);
      expect(first!.count).toBeGreaterThan(BIG_CHAT * 0.8);
      expect(first!.count).toBeLessThan(BIG_CHAT * 1.2);

      const offsetPage = (await api.get(`/admin/whatsapp/messages?phone=${encodeURIComponent(BIG_PHONE)}&limit=50&offset=50`, manager)).data;
      expect(offsetPage.messages.map((m: { id: string }) => m.id)).toEqual(truth.slice(50, 100));
      const smallChat = Number((await rows(sql(c), `SELECT count(*)::int AS n FROM whatsapp_message WHERE phone = '+60120000007'`))[0]!.n);
      const small = (await api.get(`/admin/whatsapp/messages?phone=${encodeURIComponent("+60120000007")}`, manager)).data;
      expect(smallChat).toBeGreaterThan(10);
      expect(small).toMatchObject({ count: smallChat, count_estimated: false, next_cursor: null });
      expect(small.messages).toHaveLength(smallChat);
      const bad = await settle(api.get(`/admin/whatsapp/messages?before=yesterday`, manager));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("before");

      const last = cursorOf(String((await rows(sql(c), `SELECT to_char(created_at AT TIME ZONE 'UTC', ${US}) || ',' || id AS c FROM whatsapp_message WHERE id = ?`, [truth[2500]]))[0]!.c));
      const plans: Array<[string, ReturnType<typeof messageListStatements>["page"], string]> = [
        ["chat, newest page", messageListStatements({ phone: BIG_PHONE, limit: 200, offset: 0 }, "id").page, "IDX_whatsapp_message_phone_created_at_id"],
        ["chat, older page", messageListStatements({ phone: BIG_PHONE, limit: 200, offset: 0, before: last }, "id").page, "IDX_whatsapp_message_phone_created_at_id"],
        ["chat, capped count", messageListStatements({ phone: BIG_PHONE, limit: 200, offset: 0 }, "id").count, "IDX_whatsapp_message_phone_created_at_id"],
        ["every message, newest page", messageListStatements({ limit: 50, offset: 0 }, "id").page, "IDX_whatsapp_message_created_at_id"],
      ];
      for (const [name, statement, index] of plans) {
        const plan = await explain(c, statement, "whatsapp_message");
        expect(plan.seqScans, `${name}: ${plan.described}`).toBe(0);
        expect(plan.indexes, `${name}: ${plan.described}`).toContain(index);
      }
    });

    it("lists the inbox by last activity a page at a time, handoffs first, on the conversation index", async () => {
      const c = getContainer();
      await seedChats(c);
      const truth = (await rows(sql(c), `SELECT id, to_char(coalesce(last_message_at, created_at) AT TIME ZONE 'UTC', ${US}) AS at FROM concierge_conversation`))
        .map((r) => ({ id: String(r.id), at: String(r.at) })).sort(newestFirst).map((r) => r.id);
      const seen: string[] = [];
      let before: string | null = null;
      let inbox: { conversations: Array<{ id: string }>; handoffs: Array<{ id: string; status: string }>; next_cursor: string | null } | null = null;
      do {
        inbox = (await api.get(`/admin/concierge/inbox?limit=100${before ? `&before=${encodeURIComponent(before)}` : ""}`, manager)).data;
        seen.push(...inbox!.conversations.map((x) => x.id));
        before = inbox!.next_cursor;
      } while (before);
      expect(seen).toEqual(truth);
      expect(inbox!.handoffs.map((h) => h.id)).toEqual(["hoff_it_0004", "hoff_it_0001", "hoff_it_0002", "hoff_it_0003", "hoff_it_0005"]);

      const first = inboxStatements({ limit: 50 }).conversations;
      const next = inboxStatements({ limit: 50, before: cursorOf(String((await rows(sql(c), first.sql, first.bindings)).at(-2)!.next_cursor)) }).conversations;
      for (const statement of [first, next]) {
        const plan = await explain(c, statement, "concierge_conversation");
        expect(plan.seqScans, plan.described).toBe(0);
        expect(plan.indexes, plan.described).toContain("IDX_concierge_conversation_last_activity");
      }
    });

    it("builds the board in SQL exactly as the old grouping of every open job did, on the board indexes", async () => {
      const c = getContainer();
      await seedJobs(c);
      const linked = [(await api.post("/admin/repair-jobs", jobBody(), manager)).data.repair_job, (await api.post("/admin/repair-jobs", jobBody(), manager)).data.repair_job];
      await api.post(`/admin/repair-jobs/${linked[1].id}/status`, { status: "awaiting_parts" }, manager);

      const board = (await api.get("/admin/repair-jobs/board", manager)).data;
      const open: RepairJob[] = [];
      for (const status of BOARD_OPEN_STATUSES) open.push(...(await api.get(`/admin/repair-jobs?status=${status}&limit=200`, manager)).data.repair_jobs);
      const finishedIds = (await rows(sql(c), `SELECT id FROM repair_job WHERE status IN ('delivered', 'cancelled', 'returned_unrepaired') ORDER BY updated_at DESC, id DESC LIMIT 20`)).map((r) => r.id);
      const expected = groupBoard(open, []);
      // The SLA is computed as of each answer's own clock: compare everything else card by card.
      const withoutSla = ({ sla: _sla, ...card }: RepairJob) => card;
      expect(board.columns.map((col: { status: string; count: number }) => [col.status, col.count])).toEqual(expected.columns.map((col) => [col.status, col.count]));
      for (const [i, column] of expected.columns.entries()) {
        expect(board.columns[i].label).toBe(column.label);
        expect(board.columns[i].repair_jobs.map(withoutSla), column.status).toEqual(column.repair_jobs.map(withoutSla));
      }
      expect(open.length).toBe(JOBS / 250 + 2);
      expect(board.columns.find((col: { status: string }) => col.status === "awaiting_parts").repair_jobs.some((j: RepairJob) => j.id === linked[1].id && j.customer_id)).toBe(true);
      expect(board.finished.map((j: RepairJob) => j.id)).toEqual(finishedIds);

      const statements = boardStatements(new Date());
      const openPlan = await explain(c, statements.open, "repair_job");
      expect(openPlan.seqScans, openPlan.described).toBe(0);
      expect(openPlan.indexes.some((name) => name === "IDX_repair_job_board_open" || name.startsWith("IDX_repair_job_status")), openPlan.described).toBe(true);
      const finishedPlan = await explain(c, statements.finished, "repair_job");
      expect(finishedPlan.seqScans, finishedPlan.described).toBe(0);
      expect(finishedPlan.indexes, finishedPlan.described).toContain("IDX_repair_job_board_finished");
    });
  },
});
