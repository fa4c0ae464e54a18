import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { freshStatusCountsStatement, quietRunsStatement } from "@voltura/plugin-campaigns/modules/campaigns/analytics/run-tally";
import { staff, type Headers } from "./repair-desk-helpers";
import { planNodes, type PlanNode } from "./plans";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const pg = (c: MedusaContainer) => c.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);


/** Ten completed campaigns of 2,000 recipients, last written an hour ago (quiet): read 1/2, delivered 1/4, failed 1/4. */
async function seedCompletedCampaigns(c: MedusaContainer) {
  await pg(c).raw(`INSERT INTO campaign (id, name, status, session_ids, template_ms, run_no, launched_at, completed_at, created_at, updated_at)
    SELECT 'camp_done_' || g, 'Done ' || g, 'completed', '["wa_sess_t1"]'::jsonb, 'Hai {nama}', 1,
      now() - interval '3 days', now() - interval '1 hour', now() - g * interval '1 day', now() - interval '1 hour'
    FROM generate_series(1, 10) g`);
  await pg(c).raw(`INSERT INTO campaign_recipient (id, campaign_id, run_no, phone, name, language, session_id, status, reason, idempotency_key,
      sent_at, delivered_at, read_at, failed_at, created_at, updated_at)
    SELECT 'crcp_done_' || lpad(g::text, 6, '0'), 'camp_done_' || (1 + g % 10), 1, '+601' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
      'Done ' || g, 'ms', 'wa_sess_t1', st, CASE WHEN st = 'failed' THEN 'error_463' END, 'campaign:done:' || g,
      now() - interval '2 days', CASE WHEN st IN ('delivered', 'read') THEN now() - interval '2 days' END,
      CASE WHEN st = 'read' THEN now() - interval '2 days' END, CASE WHEN st = 'failed' THEN now() - interval '2 days' END,
      now() - interval '3 days', now() - interval '1 hour'
    FROM generate_series(1, 20000) g, LATERAL (SELECT (ARRAY['read', 'read', 'delivered', 'failed'])[1 + (g / 10) % 4] AS st) s`);
  await pg(c).raw(`ANALYZE campaign_recipient`);
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_campaigns_tally",
  testSuite: ({ api, getContainer }) => {
    let manager: Headers;
    const c = () => getContainer();
    beforeEach(async () => {
      manager = (await staff(c(), "manager")).headers;
      await seedCompletedCampaigns(c());
    });

    it("counts a quiet run once, reads the tally by index, and counts again after a recipient changes", async () => {
      const first = (await api.get("/admin/campaigns/camp_done_3/analytics", manager)).data.analytics;
      expect(first.counts).toMatchObject({ total: 2000, sent: 1500, delivered: 1500, read: 1000, failed: 500 });
      const [kept] = (await pg(c()).raw(`SELECT counted_through < now() - interval '4 minutes' AS behind FROM campaign_run_tally WHERE campaign_id = 'camp_done_3'`)).rows;
      expect(kept).toMatchObject({ behind: true });

      // The tally is what the next answers read: a change hidden from it (updated_at left behind) would not show.
      await pg(c()).raw(`UPDATE campaign_recipient SET status = 'read', read_at = now() WHERE id = (SELECT id FROM campaign_recipient
        WHERE campaign_id = 'camp_done_3' AND status = 'delivered' ORDER BY id LIMIT 1)`);
      expect((await api.get("/admin/campaigns/camp_done_3/analytics", manager)).data.analytics.counts.read).toBe(1000);

      // A real write sets updated_at: the tally is stale, the run is counted live and not kept while it is not quiet.
      await pg(c()).raw(`UPDATE campaign_recipient SET status = 'read', read_at = now(), updated_at = now() WHERE id = (SELECT id FROM campaign_recipient
        WHERE campaign_id = 'camp_done_3' AND status = 'delivered' ORDER BY id LIMIT 1)`);
      const after = (await api.get("/admin/campaigns/camp_done_3/analytics", manager)).data.analytics;
      expect(after.counts).toMatchObject({ total: 2000, delivered: 1500, read: 1002 });
      const list = (await api.get("/admin/campaigns/plans?limit=50", manager)).data.campaigns;
      expect(list.find((x: { id: string }) => x.id === "camp_done_3").counts).toMatchObject({ total: 2000, read: 1002, delivered: 498 });
      expect(list.find((x: { id: string }) => x.id === "camp_done_4").counts).toMatchObject({ total: 2000, read: 1000, delivered: 500, failed: 500 });
      const failed = (await api.get("/admin/campaigns/camp_done_4/recipients?status=failed&limit=5", manager)).data;
      expect(failed).toMatchObject({ count: 500, count_estimated: false });
      const quiet = (await pg(c()).raw(quietRunsStatement([{ campaign_id: "camp_done_3", run_no: 1 }, { campaign_id: "camp_done_4", run_no: 1 }]).sql,
        quietRunsStatement([{ campaign_id: "camp_done_3", run_no: 1 }, { campaign_id: "camp_done_4", run_no: 1 }]).bindings)).rows;
      expect(quiet.map((r) => r.campaign_id)).toEqual(["camp_done_4"]);
    });

    it("finds the exact tallies of a page of campaigns by index (no Seq Scan on the recipients)", async () => {
      await api.get("/admin/campaigns/plans?limit=50", manager);
      expect(Number((await pg(c()).raw(`SELECT count(*) AS n FROM campaign_run_tally`)).rows[0]!.n)).toBe(10);
      const runs = Array.from({ length: 10 }, (_, i) => ({ campaign_id: `camp_done_${i + 1}`, run_no: 1 }));
      const statement = freshStatusCountsStatement(runs);
      const [explained] = (await pg(c()).raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.bindings)).rows;
      const nodes = planNodes((explained!["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan);
      const described = nodes.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"] ?? ""}`).join(" > ");
      expect(nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "campaign_recipient"), described).toHaveLength(0);
      expect(nodes.some((n) => n["Index Name"] === "IDX_campaign_recipient_run_updated"), described).toBe(true);
      const counted = (await pg(c()).raw(statement.sql, statement.bindings)).rows;
      expect(counted).toHaveLength(10);
      for (const run of counted) expect(run.status_counts, String(run.campaign_id)).toEqual({ read: 1000, delivered: 500, failed: 500 });
    });
  },
});
