import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { STAFF_ROLES, type AnyRole, type StaffRole } from "@voltura/domain";

const STAFF_ROLE_LIST: readonly string[] = STAFF_ROLES;

export interface VolturaActor {
  id: string;
  role: AnyRole;
  name: string;
  /** "token" when the role came signed in the bearer token, "user" when read from the user record. */
  source: "token" | "user" | "api-key";
}

/** Why a caller is refused: 401 means "sign in (or get a fresh token) again", 403 "not staff". */
export interface ActorRefusal {
  status: 401 | 403;
  type: "unauthorized" | "staff_unknown" | "staff_inactive" | "staff_role_changed" | "not_staff";
  message: string;
}
export type ActorVerdict = { ok: true; actor: VolturaActor } | { ok: false; refusal: ActorRefusal };

/** What the user record says now, as far as access goes. */
interface StaffState {
  id: string;
  role: StaffRole | null;
  active: boolean;
  name: string;
}

/** A user record is re-read at most every STAFF_STATE_TTL_MS per process (and at once after a staff change here). */
export const STAFF_STATE_TTL_MS = 5_000;
const CACHE_LIMIT = 2_000;

interface CacheEntry {
  at: number;
  state: Promise<StaffState | null>;
}
// Kept on globalThis so every copy of this package in the process shares one cache.
const CACHE_KEY = Symbol.for("voltura.staff-state-cache");
const globalSlot = globalThis as typeof globalThis & Record<symbol, Map<string, CacheEntry> | undefined>;
const cache: Map<string, CacheEntry> = (globalSlot[CACHE_KEY] ??= new Map());

/** Forgets what this process knows about a user (call after changing a role or the active flag). */
export function invalidateStaffState(userId?: string): void {
  if (userId === undefined) cache.clear();
  else cache.delete(userId);
}

function asStaffRole(value: unknown): StaffRole | null {
  return typeof value === "string" && STAFF_ROLE_LIST.includes(value) ? (value as StaffRole) : null;
}

async function readStaffState(req: AuthenticatedMedusaRequest, userId: string): Promise<StaffState | null> {
  try {
    const user = await req.scope.resolve(Modules.USER).retrieveUser(userId);
    const meta = (user.metadata ?? {}) as Record<string, unknown>;
    return {
      id: user.id,
      role: asStaffRole(meta.role),
      active: meta.active !== false,
      name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email,
    };
  } catch (err) {
    if ((err as { type?: unknown }).type === MedusaError.Types.NOT_FOUND) return null;
    throw err;
  }
}

/** The user's current staff state through the short cache; a failed read is not cached. */
function staffState(req: AuthenticatedMedusaRequest, userId: string): Promise<StaffState | null> {
  const now = Date.now();
  const hit = cache.get(userId);
  if (hit && now - hit.at < STAFF_STATE_TTL_MS) return hit.state;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const state = readStaffState(req, userId);
  cache.set(userId, { at: now, state });
  state.catch(() => {
    if (cache.get(userId)?.state === state) cache.delete(userId);
  });
  return state;
}

const refuse = (status: 401 | 403, type: ActorRefusal["type"], message: string): ActorVerdict => ({ ok: false, refusal: { status, type, message } });

/**
 * Who is calling, with their role, checked against the user record on every request.
 *
 * - A secret API key is an add-on integration.
 * - Tokens minted by the worker and the console for services carry the `system` role and a
 *   `system:*` id; they name no user, so there is no record to check.
 * - Tokens minted by the console for staff carry the role signed with JWT_SECRET. The user record
 *   must still exist, be active, and hold that same role: a deactivated account is refused on its
 *   next request, not when its token expires. A role that changed since the token was signed is
 *   refused with 401 (type `staff_role_changed`) rather than quietly using the new role, so the
 *   console re-reads the role and signs again, and no request runs with a role nobody saw.
 * - Tokens from Medusa's own login (and Medusa sessions) carry no role: it is read from the record.
 */
export async function resolveActorVerdict(req: AuthenticatedMedusaRequest): Promise<ActorVerdict> {
  const ctx = req.auth_context;
  if (!ctx?.actor_id) return refuse(401, "unauthorized", "Sign in as a staff member to use this route");
  if (ctx.actor_type === "api-key") return { ok: true, actor: { id: ctx.actor_id, role: "integration", name: "API key", source: "api-key" } };
  if (ctx.actor_type !== "user") return refuse(403, "not_staff", "This account has no Voltura staff role");

  const meta = (ctx.app_metadata ?? {}) as Record<string, unknown>;
  const signedName = typeof meta.voltura_name === "string" && meta.voltura_name ? meta.voltura_name : null;
  const signed = meta.voltura_role;
  const isServiceId = ctx.actor_id.startsWith("system:");

  if (signed === "system") {
    if (!isServiceId) return refuse(403, "not_staff", "A system token must name a system:* actor");
    return { ok: true, actor: { id: ctx.actor_id, role: "system", name: signedName ?? ctx.actor_id, source: "token" } };
  }
  if (signed !== undefined && signed !== null && !asStaffRole(signed)) {
    // "integration" comes from API keys only; anything else is not a role.
    return refuse(403, "not_staff", "This token carries no Voltura staff role");
  }
  if (isServiceId) return refuse(401, "staff_unknown", "This staff account does not exist");

  const state = await staffState(req, ctx.actor_id);
  if (!state) return refuse(401, "staff_unknown", "This staff account does not exist");
  if (!state.active) return refuse(401, "staff_inactive", "This staff account has been deactivated");
  const signedRole = asStaffRole(signed);
  if (signedRole) {
    if (state.role !== signedRole) {
      return refuse(401, "staff_role_changed", "Your role has changed since you signed in. Sign in again.");
    }
    return { ok: true, actor: { id: state.id, role: signedRole, name: signedName ?? state.name, source: "token" } };
  }
  if (!state.role) return refuse(403, "not_staff", "This account has no Voltura staff role");
  return { ok: true, actor: { id: state.id, role: state.role, name: state.name, source: "user" } };
}

// One verdict per request: the /admin/* guard and the route's own staffRoute share it.
const verdicts = new WeakMap<object, Promise<ActorVerdict>>();

export function actorVerdictFor(req: AuthenticatedMedusaRequest): Promise<ActorVerdict> {
  let verdict = verdicts.get(req);
  if (!verdict) {
    verdict = resolveActorVerdict(req);
    verdicts.set(req, verdict);
  }
  return verdict;
}

/** The caller with their role, or null when refused (see resolveActorVerdict for why). */
export async function resolveActor(req: AuthenticatedMedusaRequest): Promise<VolturaActor | null> {
  const verdict = await actorVerdictFor(req);
  return verdict.ok ? verdict.actor : null;
}
