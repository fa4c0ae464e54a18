// Commerce as the operations activities see it, recorded: settings, the vault's S3 keys, the
// backup catalog, restore tests and alerts. Answers are shaped as the real routes answer (the
// client parses them with the same zod schemas).
import { CommerceClient } from "@voltura/medusa-client";

export interface SeenRequest { method: string; path: string; body: Record<string, unknown> | undefined }

const AT = "2026-12-07T03:00:00.000Z";

function backupRow(b: Record<string, unknown>) {
  return {
    id: b.backupId, kind: b.kind, status: b.status ?? "completed", started_at: b.startedAt ?? AT, finished_at: b.finishedAt ?? null, bytes: b.bytes ?? null,
    sha256: b.sha256 ?? null, key_id: b.keyId ?? null, app_version: b.appVersion ?? null, table_count: b.tableCount ?? null, row_count: b.rowCount ?? null,
    upload_count: b.uploadCount ?? null, local: b.local ?? true, external: b.external ?? false, external_copied_at: null, verification: "unverified",
    verified_at: null, error: b.error ?? null, requested_by: b.requestedBy ?? null, created_at: AT, updated_at: AT,
  };
}

export function recordedCommerce(options: { settings: Record<string, unknown>; vault: Record<string, string> }) {
  const seen: SeenRequest[] = [];
  const answer = (method: string, path: string, body: Record<string, unknown> | undefined): { status: number; body: unknown } => {
    if (method === "GET" && path === "/admin/operations/settings") return { status: 200, body: { settings: { updated_at: null, updated_by: null, ...options.settings } } };
    const vault = /^\/admin\/vault\/secrets\/([a-z0-9_]+)\/value$/.exec(path);
    if (method === "GET" && vault) return { status: 200, body: { name: vault[1], value: options.vault[vault[1]!] ?? null, key_id: "s-test" } };
    if (method === "POST" && path === "/admin/operations/backups") return { status: 200, body: { backup: backupRow(body!) } };
    if (method === "POST" && path === "/admin/operations/backups/sync") return { status: 200, body: { upserted: (body!.backups as unknown[]).length, deleted: 0 } };
    if (method === "POST" && path === "/admin/operations/alerts/resolve") return { status: 200, body: { resolved: 0 } };
    if (method === "POST" && /^\/admin\/operations\/backups\/[^/]+\/verifications$/.test(path)) {
      return {
        status: 201,
        body: {
          restore_test: { id: "rt_1", backup_id: body!.backupId, ok: body!.ok, started_at: body!.startedAt, finished_at: body!.finishedAt, created_at: AT,
            result: { migrationsOk: body!.migrationsOk, tablesChecked: body!.tablesChecked, uploadsChecked: body!.uploadsChecked, mismatches: body!.mismatches } },
          backup: backupRow({ backupId: body!.backupId, kind: "weekly" }),
        },
      };
    }
    return { status: 404, body: { type: "not_found", message: `${method} ${path}` } };
  };
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const path = new URL(String(input)).pathname;
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    seen.push({ method, path, body });
    const a = answer(method, path, body);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const commerce = new CommerceClient({ baseUrl: "http://commerce.test", jwtSecret: "integration-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" }, fetch: fetchImpl });
  return { commerce, seen };
}
