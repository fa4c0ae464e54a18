import { describe, expect, it } from "vitest";
import { CommerceClient } from "../client.js";
import {
  getMaintenanceState,
  listOperationsAlerts,
  recordRestoreTest,
  startBackup,
  startRestore,
  updateOperationsSettings,
} from "../operations.js";

const SECRET = "test-secret-0123456789abcdef";

function clientAnswering(body: unknown, seen: Request[], status = 200): CommerceClient {
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return new CommerceClient({ baseUrl: "http://commerce", jwtSecret: SECRET, actor: { id: "u1", role: "owner" }, fetch: fetchImpl });
}

const run = {
  id: "rr_1", backup_id: "bk-20261207T030000Z-daily", mode: "restore", status: "pending", step: null, target_database: null,
  previous_database: null, requested_by: "u1", log: [], error: null, started_at: null, finished_at: null, workflow_id: "restore-rr_1",
  created_at: "2026-12-07T05:00:00.000Z", updated_at: "2026-12-07T05:00:00.000Z",
};

describe("operations client", () => {
  it("starts a restore with the typed word and answers the run", async () => {
    const seen: Request[] = [];
    const answer = await startRestore(clientAnswering({ run }, seen, 202), "bk-20261207T030000Z-daily", { mode: "restore", confirmation: "RESTORE" });
    expect(answer.workflow_id).toBe("restore-rr_1");
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe("http://commerce/admin/operations/backups/bk-20261207T030000Z-daily/restore");
    expect(await seen[0]!.json()).toEqual({ mode: "restore", confirmation: "RESTORE" });
  });

  it("posts an empty body for backup now and reads the ids", async () => {
    const seen: Request[] = [];
    const ids = { backup_id: "bk-20261207T051500Z-manual", workflow_id: "backup-bk-20261207T051500Z-manual" };
    expect(await startBackup(clientAnswering(ids, seen, 202))).toEqual(ids);
    expect(await seen[0]!.json()).toEqual({});
  });

  it("records a restore test on the path of its backup", async () => {
    const seen: Request[] = [];
    const test = { id: "rtest_1", backup_id: "bk-20261207T030000Z-daily", ok: true, started_at: "2026-12-07T04:00:00.000Z", finished_at: "2026-12-07T04:10:00.000Z",
      result: { migrationsOk: true, tablesChecked: 3, uploadsChecked: 0, mismatches: [] }, created_at: "2026-12-07T04:10:00.000Z" };
    const backup = { id: test.backup_id, kind: "daily", status: "completed", started_at: null, finished_at: null, bytes: 1, sha256: null, key_id: null,
      app_version: null, table_count: null, row_count: null, upload_count: null, local: true, external: false, external_copied_at: null,
      verification: "verified", verified_at: test.finished_at, error: null, requested_by: null, created_at: test.created_at, updated_at: test.created_at };
    const answer = await recordRestoreTest(clientAnswering({ restore_test: test, backup }, seen), {
      idempotency_key: "k", backupId: test.backup_id, ok: true, startedAt: test.started_at, finishedAt: test.finished_at,
      migrationsOk: true, tablesChecked: 3, uploadsChecked: 0, mismatches: [],
    });
    expect(answer.backup.verification).toBe("verified");
    expect(seen[0]!.url).toBe("http://commerce/admin/operations/backups/bk-20261207T030000Z-daily/verifications");
  });

  it("reads maintenance flat, alerts by status, settings by PUT, and escapes the download path", async () => {
    const seen: Request[] = [];
    const state = { on: true, reason: "restore", since: "2026-12-07T05:00:00.000Z", restore_run_id: "rr_1", neutralised: false, by: "system" };
    expect(await getMaintenanceState(clientAnswering(state, seen))).toEqual(state);
    await listOperationsAlerts(clientAnswering({ alerts: [] }, seen), { status: "all" });
    expect(seen[1]!.url).toBe("http://commerce/admin/operations/alerts?status=all");
    const settings = { backup_hour: 3, daily_retention_days: 7, external_retention_weeks: 12, restore_test_weekday: 0, external_endpoint: null,
      external_region: null, external_bucket: null, external_prefix: null, external_force_path_style: true, updated_at: null, updated_by: null };
    expect((await updateOperationsSettings(clientAnswering({ settings }, seen), { daily_retention_days: 7 })).daily_retention_days).toBe(7);
    expect(seen[2]!.method).toBe("PUT");
  });

  it("refuses an answer that is not the promised shape", async () => {
    await expect(getMaintenanceState(clientAnswering({ on: "yes" }, []))).rejects.toThrow();
  });
});
