import { randomUUID } from "node:crypto";
import type { MedusaRequest } from "@medusajs/framework/http";
import type { AuditEntryInput } from "@voltura/domain";
import type { VolturaActor } from "./actor.js";

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

/**
 * Appends an audit row for this request: actor, role, request id and IP are filled from the
 * request. Marks the request so the generic write row of the `/admin/*` middleware is not added too.
 */
export async function recordAudit(
  req: MedusaRequest,
  entry: Omit<AuditEntryInput, "request_id" | "ip"> & { request_id?: string | null; ip?: string | null },
): Promise<void> {
  const r = req as AuditableRequest;
  const recorder = req.scope.resolve<AuditRecorder>(AUDIT_MODULE);
  await recorder.record({
    actor_id: r.actor?.id ?? null,
    actor_role: r.actor?.role ?? null,
    actor_name: r.actor?.name ?? null,
    ...entry,
    request_id: entry.request_id ?? requestIdOf(req),
    ip: entry.ip ?? clientIpOf(req),
  });
  r.auditRecorded = true;
}

export function auditAlreadyRecorded(req: MedusaRequest): boolean {
  return (req as AuditableRequest).auditRecorded === true;
}
