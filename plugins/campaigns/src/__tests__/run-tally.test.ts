import { describe, expect, it } from "vitest";
import { BY_DAY, BY_REASON, BY_SESSION } from "../modules/campaigns/analytics/analytics-sql";
import { countAndKeepStatement, freshTalliesStatement, statusCountsOf } from "../modules/campaigns/analytics/run-tally";

describe("run tallies", () => {
  it("counts recipients by status from the (status, reason) rows only", () => {
    const tally = [
      { grouping_set: BY_REASON, status: "read", reason: null, n: 40 },
      { grouping_set: BY_REASON, status: "failed", reason: "463", n: 3 },
      { grouping_set: BY_REASON, status: "failed", reason: "not_on_whatsapp", n: 2 },
      { grouping_set: BY_DAY, status: "read", sent_day: "2026-12-01", n: 40 },
      { grouping_set: BY_SESSION, status: "read", session_id: "wasess_1", n: 40 },
    ];
    expect(Object.fromEntries(statusCountsOf(tally))).toEqual({ read: 40, failed: 5 });
  });

  it("keeps a count only while no recipient of the run changed since five minutes before it", () => {
    const s = countAndKeepStatement("camp_1", 2);
    expect(s.sql).toMatch(/WHERE NOT EXISTS \(SELECT 1 FROM campaign_recipient r\s+WHERE r\.campaign_id = \? AND r\.run_no = \? AND r\.updated_at >= statement_timestamp\(\) - interval '5 minutes'\)/);
    expect(s.sql).toContain("counted_through");
    expect(s.bindings).toEqual(["camp_1", 2, "camp_1", 2, "camp_1", 2]);
  });

  it("reads a tally only when no recipient was written at or after its counted_through", () => {
    const s = freshTalliesStatement([{ campaign_id: "camp_1", run_no: 1 }, { campaign_id: "camp_2", run_no: 3 }]);
    expect(s.sql).toContain("r.updated_at >= t.counted_through");
    expect(s.bindings).toEqual([["camp_1", "camp_2"], [1, 3]]);
  });
});
