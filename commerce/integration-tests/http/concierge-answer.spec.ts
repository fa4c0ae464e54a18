import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { CONVERSATION } from "@voltura/domain";
import { authHeaders, jobBody, settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { lastToolResult, startScriptedOpenAI } from "../../../plugins/concierge/src/__tests__/scripted-openai";

const HANDOFF_TEXT = "Tunggu sebentar, teknisi kami akan melayan anda";
const AISYAH = "+60123456789";
const TAN = "+60162201144";

medusaIntegrationTestRunner({
  dbName: "voltura_it_concierge_answer",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    let system: Headers;
    const touchedPhones = new Set<string>();

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
      system = await authHeaders("system:temporal-worker", "system");
    });

    afterAll(async () => {
      // The handoff workflows signal-with-start `wa:<phone>`; no worker runs them here.
      const temporal = getContainer()?.resolve("temporal") as { terminate(id: string, reason: string): Promise<void> } | undefined;
      if (!temporal) return;
      for (const phone of touchedPhones) await temporal.terminate(CONVERSATION.workflowId(phone), "integration test done").catch(() => undefined);
    });

    const answer = (phone: string, body: string, message_id: string) => {
      touchedPhones.add(phone);
      return settle(api.post("/admin/concierge/answer", { phone, body, message_id }, system));
    };

    it("answers the sender's job status offline in BM, records the turn, and replays a retried message id", async () => {
      const job = (await api.post("/admin/repair-jobs", jobBody(), as.cashier)).data.repair_job;
      const first = await answer("012-345 6789", "status phone saya?", "wamid-1");
      expect(first.status).toBe(200);
      expect(first.data).toMatchObject({ mode: "offline", language: "ms", handoff: null });
      expect(first.data.reply).toContain(job.job_number);
      expect(first.data.reply).toContain("Diterima, menunggu pemeriksaan");
      expect(first.data.tool_calls).toEqual([{ name: "job_status", args: {} }]);

      const again = await answer(AISYAH, "status phone saya?", "wamid-1");
      expect(again.data.reply).toBe(first.data.reply);
      const chat = (await api.get(`/admin/concierge/conversations/${encodeURIComponent(AISYAH)}`, as.technician)).data;
      expect(chat.conversation.recent_turns).toHaveLength(1);
      expect(chat.conversation).toMatchObject({ phone: AISYAH, mode: "bot", language: "ms" });
      expect(chat.conversation.customer_id).toBe(job.customer_id);
    });

    it("never reveals another customer's job; hands off with the exact text, then stays quiet", async () => {
      const job = (await api.post("/admin/repair-jobs", jobBody({ model: "iPhone 15 Pro" }), as.cashier)).data.repair_job;
      const asked = await answer(TAN, `status ${job.job_number}?`, "wamid-tan-1");
      expect(asked.data.reply).toBe(HANDOFF_TEXT);
      expect(asked.data.reply).not.toContain("iPhone 15");
      expect(asked.data.handoff).toMatchObject({ id: expect.stringMatching(/^hoff_/), escalate_after_minutes: 15 });

      const quiet = await answer(TAN, "hello?", "wamid-tan-2");
      expect(quiet.data).toMatchObject({ reply: "", mode: "quiet", handoff: { id: asked.data.handoff.id } });

      const inbox = (await api.get("/admin/concierge/inbox", as.technician)).data;
      expect(inbox.handoffs.map((h: { phone: string }) => h.phone)).toContain(TAN);
    });

    it("opens handoffs idempotently per phone, claims, escalates once and closes back to the bot", async () => {
      const phone = "+60198876650";
      touchedPhones.add(phone);
      const opened = await settle(api.post("/admin/concierge/handoffs", { phone: "019-887 6650", reason: "Quote unanswered", job_number: "VSH-2026-000123" }, system));
      expect(opened.status).toBe(201);
      const again = await settle(api.post("/admin/concierge/handoffs", { phone, reason: "Again" }, system));
      expect(again.status).toBe(200);
      expect(again.data.handoff.id).toBe(opened.data.handoff.id);
      expect(again.data.handoff.reason).toBe("Quote unanswered");

      await api.post("/admin/concierge/settings", { manager_phones: ["012-345 0099"] }, as.owner);
      const escalated = (await api.post(`/admin/concierge/handoffs/${opened.data.handoff.id}/escalate`, {}, system)).data;
      expect(escalated).toMatchObject({ escalate: true, manager_phones: ["+60123450099"] });
      expect(escalated.alert_text).toContain("019-887 6650");
      expect((await api.post(`/admin/concierge/handoffs/${opened.data.handoff.id}/escalate`, {}, system)).data.escalate).toBe(false);

      const claimed = (await api.post(`/admin/concierge/handoffs/${opened.data.handoff.id}/claim`, {}, as.technician)).data.handoff;
      expect(claimed.status).toBe("claimed");
      const closed = (await api.post(`/admin/concierge/handoffs/${opened.data.handoff.id}/close`, {}, as.technician)).data.handoff;
      expect(closed.status).toBe("closed");
      expect((await settle(api.post(`/admin/concierge/handoffs/${opened.data.handoff.id}/claim`, {}, as.technician))).status).toBe(409);
      const chat = (await api.get(`/admin/concierge/conversations/${phone}`, as.technician)).data;
      expect(chat).toMatchObject({ conversation: { mode: "bot" }, handoff: null });
      const next = await settle(api.post("/admin/concierge/handoffs", { phone, reason: "New question" }, system));
      expect(next.status).toBe(201);
      expect(next.data.handoff.id).not.toBe(opened.data.handoff.id);
    });

    it("re-embeds a knowledge document on every save and drops its chunks on delete", async () => {
      const created = await settle(api.post("/admin/concierge/knowledge", {
        kind: "price_list", title: "Harga / Prices", body: "Pixel 7 screen replacement — RM 520\nPixel 7 battery replacement — RM 190",
      }, as.owner));
      expect(created.status).toBe(201);
      expect(created.data.document).toMatchObject({ chunk_count: 2, embedder: "local-hash-384" });
      const search = async (question: string) => (await api.post("/admin/concierge/knowledge/search", { question }, as.technician)).data;
      expect((await search("how much Pixel 7 screen")).hits[0].content).toContain("RM 520");

      const updated = await api.post(`/admin/concierge/knowledge/${created.data.document.id}`, {
        kind: "price_list", title: "Harga / Prices", body: "Pixel 7 screen replacement — RM 480",
      }, as.manager);
      expect(updated.data.document.chunk_count).toBe(1);
      const after = await search("how much Pixel 7 screen");
      expect(after.hits[0].content).toContain("RM 480");
      expect(after.hits.some((h: { content: string }) => h.content.includes("RM 520"))).toBe(false);
      expect(after.preview).toMatchObject({ mode: "offline", language: "en" });
      expect(after.preview.reply).toContain("RM 480");

      expect((await settle(api.post("/admin/concierge/knowledge", { kind: "faq", title: "x", body: "y" }, as.technician))).status).toBe(403);
      await api.delete(`/admin/concierge/knowledge/${created.data.document.id}`, as.owner);
      expect((await search("how much Pixel 7 screen")).hits).toEqual([]);
    });

    it("refuses bad input with a 400 naming the field and records nothing", async () => {
      const missing = await settle(api.post("/admin/concierge/answer", { phone: AISYAH, body: "hi" }, system));
      expect(missing.status).toBe(400);
      expect(missing.data.message).toMatch(/message_id/);
      const badPhone = await settle(api.post("/admin/concierge/answer", { phone: "hello", body: "hi", message_id: "x" }, system));
      expect(badPhone.status).toBe(400);
      expect(badPhone.data.message).toMatch(/phone/);
      const badKind = await settle(api.post("/admin/concierge/knowledge", { kind: "recipes", title: "x", body: "y" }, as.owner));
      expect(badKind.status).toBe(400);
      expect(badKind.data.message).toMatch(/kind/);
      expect((await settle(api.post("/admin/concierge/answer", { phone: AISYAH, body: "hi", message_id: "x" }, as.technician))).status).toBe(403);
    });

    it("with a model key, runs the LangChain agent against an OpenAI-compatible server without leaking another customer's job", async () => {
      const other = (await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Lim Ah Kow", phone: "017-555 0101" }, model: "Galaxy S24", brand: "Samsung" }), as.cashier)).data.repair_job;
      const server = await startScriptedOpenAI((req) => {
        const result = lastToolResult(req);
        if (!result) return { toolCalls: [{ name: "job_status", args: { job_number: other.job_number } }] };
        if ("handed_over" in (result as object)) return { content: HANDOFF_TEXT };
        const jobs = (result as { jobs: unknown[] }).jobs;
        return jobs.length ? { content: `Found: ${JSON.stringify(jobs)}` } : { toolCalls: [{ name: "handoff_to_technician", args: { reason: "no such job for this phone" } }] };
      });
      const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
      process.env.OPENAI_API_KEY = "sk-integration";
      process.env.OPENAI_BASE_URL = server.baseURL;
      try {
        const phone = "+60133334444";
        const out = await answer(phone, `is ${other.job_number} ready?`, "wamid-llm-1");
        expect(out.status).toBe(200);
        expect(out.data.mode).toBe("llm");
        expect(out.data.tool_calls.map((c: { name: string }) => c.name)).toEqual(["job_status", "handoff_to_technician"]);
        expect(out.data.reply).toBe(HANDOFF_TEXT);
        expect(JSON.stringify(out.data)).not.toContain("Galaxy S24");
        expect(server.requests.length).toBeGreaterThanOrEqual(2);
      } finally {
        process.env.OPENAI_API_KEY = saved.key ?? "";
        process.env.OPENAI_BASE_URL = saved.url ?? "";
        await server.close();
      }
    });
  },
});
