import { describe, expect, it } from "vitest";
import { audienceCandidatesSql, audienceConditions, audienceCountSql, frozenRunCandidatesSql, listCandidatesSql } from "../domain/audience-sql";
import { freezeRecipientsSql, missingVariablesSql, personValuesSql, routeCountsSql } from "../domain/freeze-sql";

const NOW = new Date("2027-01-10T02:00:00Z");
/** knex placeholders: every `?` that is not part of `??` or a `?|`-style operator. */
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe("audienceConditions", () => {
  it("with no criteria keeps every live customer", () => {
    const { sql, bindings } = audienceConditions({}, NOW);
    expect(sql).toBe("c.deleted_at IS NULL");
    expect(bindings).toEqual([]);
  });

  it("puts profile criteria in one EXISTS over the profile link, in order", () => {
    const { sql, bindings } = audienceConditions(
      { customer_types: ["corporate", "corporate", "dealer"], tags: [" VIP ", "vip", "Promo"], last_visit_before: "2026-12-01T00:00:00+08:00", last_visit_after: "2026-01-01T00:00:00Z" },
      NOW,
    );
    expect(sql.match(/customer_customer_crm_customer_profile/g)).toHaveLength(1);
    expect(sql).toContain("p.customer_type = ANY(?::text[])");
    expect(sql).toContain("(p.tags @> ?::jsonb OR p.tags @> ?::jsonb)");
    expect(sql).toContain("p.last_visit_at < ?::timestamptz");
    expect(sql).toContain("p.last_visit_at >= ?::timestamptz");
    expect(bindings).toEqual([["corporate", "dealer"], '["vip"]', '["promo"]', "2026-12-01T00:00:00+08:00", "2026-01-01T00:00:00Z"]);
  });

  it("requires device type and brand on the same device, brands case-insensitive", () => {
    const { sql, bindings } = audienceConditions({ device_types: ["phone"], brands: ["Samsung", "APPLE"] }, NOW);
    expect(sql.match(/customer_customer_crm_device/g)).toHaveLength(1);
    expect(sql).toMatch(/d\.device_type = ANY\(\?::text\[\]\) AND lower\(d\.brand\) = ANY\(\?::text\[\]\)/);
    expect(bindings).toEqual([["phone"], ["samsung", "apple"]]);
  });

  it("reads purchases from completed counter sales and categories through the product link", () => {
    const { sql, bindings } = audienceConditions({ bought_product_ids: ["prod_1"], bought_category_ids: ["pcat_1"], spent_above_sen: 50_000 }, NOW);
    expect(sql).toContain("sl.product_id = ANY(?::text[])");
    expect(sql).toContain("pcp.product_category_id = ANY(?::text[])");
    expect(sql.match(/s\.status = 'completed'/g)!.length).toBeGreaterThanOrEqual(3);
    expect(sql).toContain("repair_invoice");
    expect(sql).toContain("HAVING sum(spend.sen) > ?");
    expect(bindings).toEqual([["prod_1"], ["pcat_1"], 50_000]);
  });

  it("binds the clock for the warranty window and skips void warranties", () => {
    const { sql, bindings } = audienceConditions({ warranty_expiring_within_days: 30 }, NOW);
    expect(sql).toContain("w.voided_at IS NULL");
    expect(sql).toContain("w.ends_at >= ?::timestamptz AND w.ends_at < ?::timestamptz + make_interval(days => ?)");
    expect(bindings).toEqual([NOW.toISOString(), NOW.toISOString(), 30]);
  });

  it("matches jobs in any of the statuses through the customer ↔ job link", () => {
    const { sql, bindings } = audienceConditions({ job_statuses: ["completed", "awaiting_parts"] }, NOW);
    expect(sql).toContain("customer_customer_repair_repair_job ls");
    expect(bindings).toEqual([["completed", "awaiting_parts"]]);
  });

  it("combines every criterion with AND and keeps placeholders and bindings in step", () => {
    const all = audienceConditions(
      {
        customer_types: ["walk_in"], tags: ["vip"], device_types: ["laptop"], brands: ["Dell"], last_visit_before: "2026-12-01T00:00:00Z",
        last_visit_after: "2026-01-01T00:00:00Z", bought_product_ids: ["p"], bought_category_ids: ["c"], spent_above_sen: 1,
        warranty_expiring_within_days: 7, job_statuses: ["delivered"],
      },
      NOW,
    );
    // live customer + profile + device + product + category + spent + warranty + jobs
    expect(all.sql.split("\n  AND ").length).toBe(8);
    expect(placeholders(all.sql)).toBe(all.bindings.length);
  });
});

describe("candidates, counts and the freeze", () => {
  const filter = { tags: ["vip"], warranty_expiring_within_days: 14 };

  it("orders exclusions invalid phone → opted out → blacklisted → duplicate, over E.164 only", () => {
    const { sql } = audienceCandidatesSql(filter, NOW);
    const order = ["'invalid_phone'", "'opted_out'", "'blacklisted'", "'duplicate_phone'"].map((r) => sql.indexOf(r));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(sql).toContain("^\\+[1-9][0-9]{7,14}$");
    expect(sql).toContain("b.removed_at IS NULL");
    expect(sql).toContain("wc.opted_out_at IS NOT NULL");
    expect(sql).toContain("PARTITION BY m.phone ORDER BY m.sort_at, m.sort_id");
  });

  it("never uses the jsonb ? operator (knex would take it for a placeholder)", () => {
    for (const s of [audienceCandidatesSql(filter, NOW), listCandidatesSql("camp_1"), frozenRunCandidatesSql("camp_1", 1)]) {
      expect(s.sql).not.toMatch(/\?\||\?&|jsonb \?/);
      expect(placeholders(s.sql)).toBe(s.bindings.length);
    }
  });

  it("counts matched, eligible and each reason over the same candidates", () => {
    const count = audienceCountSql(audienceCandidatesSql(filter, NOW));
    for (const col of ["matched", "eligible", "opted_out", "blacklisted", "invalid_phone", "duplicate_phone"]) expect(count.sql).toContain(`AS ${col}`);
    expect(placeholders(count.sql)).toBe(count.bindings.length);
  });

  it("freezes run 1 with campaign:<id>:<customer> keys and run n with an r<n> segment, senders round-robin", () => {
    const candidates = audienceCandidatesSql(filter, NOW);
    const fixed = (chatSessionIds: string[]) => ({ routing: "fixed" as const, chatSessionIds, templateSessionId: null });
    const first = freezeRecipientsSql(candidates, { campaignId: "camp_01ABC", runNo: 1, plan: fixed(["wa_a", "wa_b"]), recentChatDays: 30, now: NOW, shopName: "Voltura" });
    expect(placeholders(first.sql)).toBe(first.bindings.length);
    expect(first.bindings.slice(0, 8)).toEqual(["crcp_01ABCr1_", "camp_01ABC", 1, "Voltura", null, "campaign:camp_01ABC:", '["wa_a","wa_b"]', 2]);
    expect(first.sql).toContain("CASE WHEN x.sender IS NULL THEN 'skipped' ELSE 'queued' END");
    const third = freezeRecipientsSql(candidates, { campaignId: "camp_01ABC", runNo: 3, plan: fixed(["wa_a"]), recentChatDays: 30, now: NOW, shopName: "" });
    expect(third.bindings[5]).toBe("campaign:camp_01ABC:r3:");
    expect(() => freezeRecipientsSql(candidates, { campaignId: "c", runNo: 1, plan: fixed([]), recentChatDays: 30, now: NOW, shopName: "" })).toThrow(/sender/);
  });

  it("auto routing binds the chat numbers, the template's number and the warm probes", () => {
    const plan = { routing: "auto" as const, chatSessionIds: ["wa_chat"], templateSessionId: "wa_cloud" };
    const s = freezeRecipientsSql(listCandidatesSql("camp_1"), { campaignId: "camp_1", runNo: 1, plan, recentChatDays: 14, now: NOW, shopName: "Shop" });
    expect(placeholders(s.sql)).toBe(s.bindings.length);
    expect(s.bindings.slice(4, 16)).toEqual(["wa_cloud", "campaign:camp_1:", '["wa_chat"]', 1, "wa_cloud", "auto", 1, "wa_cloud", "auto", NOW, NOW, 14]);
    expect(s.sql).toContain("COALESCE(x.excluded_reason, 'no_template_route')");
    expect(s.sql).toContain("context_kind IS DISTINCT FROM 'campaign'");
    const split = routeCountsSql(listCandidatesSql("camp_1"), plan, 14, NOW);
    expect(placeholders(split.sql)).toBe(split.bindings.length);
    expect(split.bindings.slice(0, 7)).toEqual(["auto", 1, "wa_cloud", "auto", NOW, NOW, 14]);
  });

  it("counts missing variables only for plain variable names, never the opt-out link", () => {
    const s = missingVariablesSql(listCandidatesSql("camp_1"), ["nama", "expiry_date", "optout_link", "bad name'"], "Shop");
    expect(s.sql).toContain(`AS "nama"`);
    expect(s.sql).toContain(`AS "expiry_date"`);
    expect(s.sql).not.toContain("optout_link");
    expect(s.sql).not.toContain("bad name");
    expect(placeholders(s.sql)).toBe(s.bindings.length);
    const person = personValuesSql("cus_1", "+60123456789", "Ali", "Shop");
    expect(placeholders(person.sql)).toBe(person.bindings.length);
  });
});
