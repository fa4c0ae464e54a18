import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { CONVERSATION, QUOTE_CONFIRMATION } from "@voltura/domain";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, seedBillingFixture, type BillingFixture } from "./repair-billing.fixtures";
import { lastToolResult, startScriptedOpenAI } from "../../../plugins/concierge/src/__tests__/scripted-openai";

const AISYAH = "+60123456789";

/** The concierge's tools on real shop data: stock at the "Shop" location and the quote a customer is asked to decide. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_concierge_tools",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders;
    let system: StaffHeaders;

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
    });

    beforeEach(async () => {
      tech = await newStaffHeaders(getContainer(), "technician");
      system = await authHeaders("system:temporal-worker", "system");
    });

    afterAll(async () => {
      const temporal = getContainer()?.resolve("temporal") as { terminate(id: string, reason: string): Promise<void> } | undefined;
      if (!temporal) return;
      await temporal.terminate(CONVERSATION.workflowId(AISYAH), "integration test done").catch(() => undefined);
    });

    it("finds the quote a customer is asked to decide, with its quote workflow id", async () => {
      expect((await api.get(`/admin/concierge/awaiting-quote?phone=${encodeURIComponent(AISYAH)}`, system)).data).toEqual({ awaiting: null });
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.battery, grade: "oem" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);

      const found = (await api.get("/admin/concierge/awaiting-quote?phone=012-345%206789", system)).data;
      expect(found).toEqual({ awaiting: { job_number: job.job_number, version: 1, workflow_id: QUOTE_CONFIRMATION.workflowId(job.job_number, 1) } });
      expect((await api.get("/admin/concierge/awaiting-quote?phone=019-887%206650", system)).data).toEqual({ awaiting: null });
      expect((await settle(api.get("/admin/concierge/awaiting-quote?phone=abc", system))).status).toBe(400);
    });

    it("the agent's check_stock tool reads what is available at the Shop location (stocked minus reserved)", async () => {
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      let stockSeen: unknown;
      const server = await startScriptedOpenAI((req) => {
        const result = lastToolResult(req);
        if (!result) return { toolCalls: [{ name: "check_stock", args: { query: "skrin iPhone 13" } }] };
        stockSeen = result;
        return { content: "Ada 1 unit skrin iPhone 13 dalam stok." };
      });
      const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
      process.env.OPENAI_API_KEY = "sk-integration";
      process.env.OPENAI_BASE_URL = server.baseURL;
      try {
        const out = (await api.post("/admin/concierge/answer", { phone: AISYAH, body: "ada stok skrin iphone 13 tak?", message_id: "wamid-stock-1" }, system)).data;
        expect(out).toMatchObject({ mode: "llm", language: "ms", handoff: null, reply: "Ada 1 unit skrin iPhone 13 dalam stok." });
        // 2 stocked, 1 reserved for the job above.
        expect(stockSeen).toEqual({ items: [{ title: "iPhone 13 Screen (OEM)", sku: "T-IP13-LCD", available: 1 }] });
      } finally {
        process.env.OPENAI_API_KEY = saved.key ?? "";
        process.env.OPENAI_BASE_URL = saved.url ?? "";
        await server.close();
      }
    });
  },
});
