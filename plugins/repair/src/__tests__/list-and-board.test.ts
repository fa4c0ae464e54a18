import { describe, expect, it } from "vitest";
import type { RepairJob } from "@voltura/contracts";
import { groupBoard } from "../api/admin/repair-jobs/board/route";
import { BOARD_FINISHED_STATUSES, BOARD_OPEN_STATUSES, boardStatements } from "../modules/repair/sql/board-sql";
import { jobListQuery, jobListStatements, SEARCH_RANK_WINDOW, searchCondition, searchTerms } from "@voltura/medusa-kit";

describe("jobListQuery", () => {
  const now = new Date("2026-12-06T00:00:00Z");
  it("maps the desk filters on live rows, mine meaning the caller", () => {
    const { where, orderBy } = jobListQuery({ priority: "urgent", device_type: "laptop", mine: true, callerId: "user_me", technician_id: "user_other" }, now);
    expect(where.sql).toBe("deleted_at IS NULL AND priority = ? AND device_type = ? AND technician_id = ?");
    expect(where.bindings).toEqual(["urgent", "laptop", "user_me"]);
    expect(orderBy.sql).toBe("created_at DESC, id DESC");
  });
  it("orders by the asked sort with the id as tie-break", () => {
    expect(jobListQuery({ sort: "sla_due_at" }, now).orderBy.sql).toBe("sla_due_at ASC, id ASC");
    expect(jobListQuery({ sort: "-received_at" }, now).orderBy.sql).toBe("received_at DESC, id DESC");
  });
  it("narrows to breached jobs in SQL, or excludes them", () => {
    const breached = jobListQuery({ breached: true }, now).where;
    expect(breached.sql).toContain("(sla_due_at < ?::timestamptz AND coalesce(sla_paused_since");
    expect(breached.bindings).toEqual([now, now]);
    expect(jobListQuery({ breached: false }, now).where.sql).toContain("AND NOT (sla_due_at < ?");
  });
  it("refuses mine without a caller", () => expect(() => jobListQuery({ mine: true }, now)).toThrow(/mine/));
  it("ranks exact hits before similar names, then the sort, within a bounded window of matches", () => {
    const { search, orderBy } = jobListQuery({ q: "Tan Wei" }, now);
    expect(search!.rank.sql).toMatch(/^CASE WHEN \(job_number_key = \? OR imei_serial = \?\) THEN 0 ELSE 1 END, greatest\(similarity/);
    expect(orderBy.sql).toBe("created_at DESC, id DESC");
    const page = jobListStatements({ q: "Tan Wei" }, now, { limit: 20, offset: 0 }).page;
    expect(page.sql).toContain(`LIMIT ${SEARCH_RANK_WINDOW})`);
    expect(page.bindings.slice(-2)).toEqual([20, 0]);
    expect(jobListStatements({ q: "Tan Wei" }, now, { limit: 50, offset: 2000 }).page.sql).toContain("LIMIT 2050)");
  });
  it("takes a whole phone number or a job number without its prefix as an exact hit", () => {
    const exact = jobListQuery({ q: "012-345 6789", status: "pending" }, now).search!.exact;
    expect(exact.sql).toContain("deleted_at IS NULL AND status = ? AND (");
    expect(exact.bindings).toEqual(["pending", "0123456789", "0123456789", "%0123456789", "0123456789", "0123456789", "60123456789"]);
  });
});

describe("searchTerms", () => {
  it("reads a phone number in any format as digits, and the whole number as E.164 digits", () => {
    expect(searchTerms("012-345 6789")).toMatchObject({ digits: "0123456789", phoneDigits: "60123456789", text: null });
    expect(searchTerms("+60123456789")).toMatchObject({ digits: "60123456789", phoneDigits: "60123456789" });
    expect(searchTerms("6789")).toMatchObject({ digits: "6789", phoneDigits: null, key: "6789" });
  });
  it("keys a job number without dashes or case", () => {
    expect(searchTerms("vsh-2026-000123").key).toBe("VSH2026000123");
    expect(searchTerms("VSH2026000123").key).toBe("VSH2026000123");
  });
  it("escapes LIKE wildcards in text and searches name and device", () => {
    const terms = searchTerms("50%_off");
    expect(terms.text).toBe("50\\%\\_off");
    const match = searchCondition(terms);
    expect(match.sql).toContain("customer_name_key LIKE '%' || repair_search_key(?) || '%'");
    expect(match.sql).toContain("device_key LIKE '%' || repair_search_key(?) || '%'");
    expect(match.bindings).toContain("50\\%\\_off");
  });
  it("searches only prefixes of the job number and IMEI below three characters", () => {
    const match = searchCondition(searchTerms("v1"));
    expect(match.sql).toBe("(job_number_key LIKE ? OR imei_serial LIKE ?)");
    expect(match.bindings).toEqual(["V1%", "V1%"]);
  });
  it("matches nothing when nothing usable was typed", () => expect(searchCondition(searchTerms("--")).sql).toBe("FALSE"));
});

describe("groupBoard", () => {
  // Test double: only the fields groupBoard reads.
  const job = (id: string, status: RepairJob["status"], due: string) => ({ id, job_number: id, status, sla: { due_at: due } }) as unknown as RepairJob;
  it("has a column per open status in workflow order, most urgent first", () => {
    const board = groupBoard(
      [job("B", "pending", "2026-11-27T00:00:00Z"), job("A", "pending", "2026-11-25T00:00:00Z"), job("C", "completed", "2026-11-26T00:00:00Z")],
      [job("D", "delivered", "2026-11-20T00:00:00Z")],
    );
    expect(board.columns.map((c) => c.status)).toEqual(["pending", "awaiting_approval", "awaiting_parts", "in_progress", "completed"]);
    expect(board.columns[0]).toMatchObject({ label: "Pending", count: 2 });
    expect(board.columns[0]!.repair_jobs.map((j) => j.id)).toEqual(["A", "B"]);
    expect(board.columns[1]!.count).toBe(0);
    expect(board.finished.map((j) => j.id)).toEqual(["D"]);
  });
});

describe("issue words", () => {
  it("searches the issue's words, simple and English, for text but not for a phone number", () => {
    const match = searchCondition(searchTerms("Skrin pecah"));
    expect(match.sql).toContain("issue_search @@ (plainto_tsquery('simple'::regconfig, repair_search_key(?)) || plainto_tsquery('english'::regconfig, ?))");
    expect(match.bindings.slice(-2)).toEqual(["Skrin pecah", "Skrin pecah"]);
    expect(searchTerms("50%_off").words).toBe("50%_off");
    expect(searchCondition(searchTerms("012-345 6789")).sql).not.toContain("issue_search");
    expect(searchCondition(searchTerms("lc")).sql).not.toContain("issue_search");
  });
  it("ranks issue matches after exact hits and similar names", () => {
    const { search } = jobListQuery({ q: "battery" }, new Date("2026-12-06T00:00:00Z"));
    expect(search!.rank.sql).toMatch(/^CASE WHEN .* THEN 0 ELSE 1 END, greatest\(similarity.*\) DESC, ts_rank\(issue_search, /);
  });
});

describe("boardStatements", () => {
  const now = new Date("2026-12-06T00:00:00Z");
  it("reads open jobs by status ordered by the effective SLA due time, the job number as tie-break", () => {
    const { open } = boardStatements(now);
    expect(open.sql).toContain("PARTITION BY j.status ORDER BY (j.sla_due_at + j.sla_paused_seconds * interval '1 second'");
    expect(open.sql).toContain("THEN ?::timestamptz - coalesce(j.sla_paused_since, ?::timestamptz) ELSE interval '0' END), j.job_number COLLATE \"C\"");
    expect(open.bindings).toEqual([now, now, ...BOARD_OPEN_STATUSES]);
  });
  it("reads the last finished newest change first", () => {
    const { finished } = boardStatements(now);
    expect(finished.sql).toContain("ORDER BY j.updated_at DESC, j.id DESC LIMIT 20");
    expect(finished.bindings).toEqual([...BOARD_FINISHED_STATUSES]);
    expect(BOARD_FINISHED_STATUSES).toEqual(["delivered", "cancelled", "returned_unrepaired"]);
  });
});
