import { randomUUID } from "node:crypto";
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { redactSecrets, type AuditEntryInput } from "@voltura/domain";
import type { VolturaActor } from "./actor.js";
import { routedPath } from "./admin-routes.js";

/** Container key of the audit module (plugins/platform `audit`). */
export const AUDIT_MODULE = "audit";

export interface AuditRecorder {
  /** Appends one row. Never updates; the table refuses UPDATE/DELETE. */
  record(entry: AuditEntryInput): Promise<void>;
}

type AuditableRequest = MedusaRequest & { actor?: VolturaActor; auditRecorded?: boolean };

/** The request id: the caller's `x-request-id` when sane, else a new one (kept on the request). */
export function requestIdOf(req: MedusaRequest): string {
  const r = req as MedusaRequest & { volturaRequestId?: string };
  if (!r.volturaRequestId) {
    const given = req.headers["x-request-id"];
    r.volturaRequestId = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  }
  return r.volturaRequestId;
}

/** The client's address: the console forwards the browser's as `x-voltura-client-ip` (trusted only from staff tokens). */
export function clientIpOf(req: MedusaRequest): string | null {
  const forwarded = req.headers["x-voltura-client-ip"];
  if (typeof forwarded === "string" && forwarded.length <= 100 && (req as AuditableRequest).actor) return forwarded;
  return req.ip ?? req.socket?.remoteAddress ?? null;
}

type RequestAuditEntry = Omit<AuditEntryInput, "request_id" | "ip"> & { request_id?: string | null; ip?: string | null };

/**
 * The row recordAudit appends for this request (actor, role, request id and IP filled from the
 * request), for a write that stores it to append later from its outbox, once its transaction has
 * committed. Marks the request so the generic write row of the `/admin/*` middleware is not added too.
 */
export function auditEntryFor(req: MedusaRequest, entry: RequestAuditEntry): AuditEntryInput {
  const r = req as AuditableRequest;
  r.auditRecorded = true;
  return {
    actor_id: r.actor?.id ?? null,
    actor_role: r.actor?.role ?? null,
    actor_name: r.actor?.name ?? null,
    ...entry,
    request_id: entry.request_id ?? requestIdOf(req),
    ip: entry.ip ?? clientIpOf(req),
  };
}

/** Appends an audit row for this request (see auditEntryFor). */
export async function recordAudit(req: MedusaRequest, entry: RequestAuditEntry): Promise<void> {
  await req.scope.resolve<AuditRecorder>(AUDIT_MODULE).record(auditEntryFor(req, entry));
}

/**
 * For writes whose own rows are the record (a campaign recipient's status and timestamps): no generic
 * `http.*` row, which would add two audit rows per message of every campaign.
 */
export function recordedByItsOwnRows(req: MedusaRequest): void {
  (req as AuditableRequest).auditRecorded = true;
}

export function auditAlreadyRecorded(req: MedusaRequest): boolean {
  return (req as AuditableRequest).auditRecorded === true;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_AUDITED_STRING = 500;

/** What the generic row records about a route: `/admin/pos/sales/:id/returns` → entity `pos.sales`, entity_id the `:id`. */
export function auditTargetOf(route: string, params: Record<string, unknown> | undefined): { entity: string; entity_id: string | null } {
  const segments = route.split("/").filter(Boolean).slice(1); // drop "admin"
  const firstParam = segments.findIndex((s) => s.startsWith(":"));
  const named = (firstParam === -1 ? segments : segments.slice(0, firstParam)).map((s) => s.replace(/-/g, "_"));
  const entity = (named.join(".") || "admin").slice(0, 80);
  const key = firstParam === -1 ? null : segments[firstParam]!.slice(1);
  const value = key ? params?.[key] : undefined;
  return { entity, entity_id: typeof value === "string" ? value.slice(0, 200) : null };
}

/** A request body as it goes into a row: secrets redacted, long texts shortened. */
export function auditBody(body: unknown): unknown {
  const shorten = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return v.length > MAX_AUDITED_STRING ? `${v.slice(0, MAX_AUDITED_STRING)}… (${v.length} characters)` : v;
    if (depth > 8 || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => shorten(x, depth + 1));
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, shorten(x, depth + 1)]));
  };
  return shorten(redactSecrets(body), 0);
}

/**
 * Global middleware for /admin/*: after a write (POST/PUT/PATCH/DELETE) answered 2xx, appends one
 * generic row (`http.post` …) unless the handler recorded its own with recordAudit(). The row is
 * written after the answer has gone out, so it never slows or breaks the response; a row that
 * cannot be written is logged in full, never dropped silently.
 */
export function auditAdminWrites(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return next();
  const req = request as AuditableRequest & { route?: { path?: unknown } };
  const path = routedPath(req);
  res.on("finish", () => {
    if (res.statusCode < 200 || res.statusCode >= 300 || auditAlreadyRecorded(req)) return;
    const route = typeof req.route?.path === "string" ? req.route.path : path;
    const entry: AuditEntryInput = {
      action: `http.${req.method.toLowerCase()}`,
      ...auditTargetOf(route, req.params as Record<string, unknown> | undefined),
      actor_id: req.actor?.id ?? null,
      actor_role: req.actor?.role ?? null,
      actor_name: req.actor?.name ?? null,
      metadata: { method: req.method.toUpperCase(), path, route, status: res.statusCode, body: auditBody(req.body ?? null) },
      request_id: requestIdOf(req),
      ip: clientIpOf(req),
    };
    void appendWithRetry(req, entry);
  });
  next();
}

async function appendWithRetry(req: MedusaRequest, entry: AuditEntryInput): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await req.scope.resolve<AuditRecorder>(AUDIT_MODULE).record(entry);
      return;
    } catch (err) {
      if (attempt < 2) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      let logger: { error(msg: string): void } = console;
      try {
        logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
      } catch {
        // the container is gone (shutting down): the console still gets the row
      }
      logger.error(`[audit] could not append the row for ${entry.action} ${entry.entity}: ${(err as Error).message}; row: ${JSON.stringify(entry)}`);
      return;
    }
  }
}
