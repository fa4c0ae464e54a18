import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { mergeLimits, type SessionLimits } from "../../domain/session-signals";
import type { SessionAlert, SessionKind, SessionState } from "../../modules/whatsapp/models/whatsapp-session";
import { whatsappService } from "./service";

export interface NewSession {
  /** Chosen by the caller when something is sealed for the session before it exists (Cloud API secrets). */
  id?: string;
  name: string;
  kind: SessionKind;
  is_default: boolean;
  paired: boolean;
  /** Cloud API numbers: the ids, and the secrets already sealed for `id` (never plaintext here). */
  cloud?: { phone_number_id: string; waba_id: string; sealed_secrets: string };
}

/** Creates a session; a new default takes the flag from the old one. Compensation undoes both. */
export const createSessionStep = createStep(
  "create-whatsapp-session",
  async (input: NewSession, { container }) => {
    const service = whatsappService(container);
    const previousDefaults = input.is_default ? await service.listWhatsAppSessions({ is_default: true }) : [];
    if (previousDefaults.length) await service.updateWhatsAppSessions(previousDefaults.map((s) => ({ id: s.id, is_default: false })));
    const pairedNow = input.kind === "simulator" && input.paired;
    const session = await service.createWhatsAppSessions({
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      kind: input.kind,
      is_default: input.is_default,
      enabled: true,
      state: "new",
      paired_at: pairedNow ? new Date() : null,
      alerts: [],
      cloud_phone_number_id: input.cloud?.phone_number_id ?? null,
      cloud_waba_id: input.cloud?.waba_id ?? null,
      cloud_secrets: input.cloud?.sealed_secrets ?? null,
    });
    return new StepResponse(session, { id: session.id, previousDefaults: previousDefaults.map((s) => s.id) });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = whatsappService(container);
    await service.deleteWhatsAppSessions(undo.id);
    if (undo.previousDefaults.length) await service.updateWhatsAppSessions(undo.previousDefaults.map((id) => ({ id, is_default: true })));
  },
);

export interface SessionPatch {
  id: string;
  state?: SessionState;
  enabled?: boolean;
  phone?: string | null;
  qr?: string | null;
  paired_at?: Date | string | null;
  last_seen_at?: Date | string | null;
  last_disconnect_reason?: string | null;
  owner?: string | null;
  /** Adds one to reconnect_count. */
  count_reconnect?: boolean;
  /** Prepended to alerts (newest first, at most 20 kept). */
  alert?: SessionAlert;
  clear_alerts?: boolean;
  /** Merged into the stored limits (an announcement carries only what changed). */
  limits?: Partial<SessionLimits>;
  /** Cloud API config (staff changes): ids, and the secrets sealed for this session. */
  cloud_phone_number_id?: string;
  cloud_waba_id?: string;
  cloud_secrets?: string;
}

const SNAPSHOT_FIELDS = [
  "state", "enabled", "phone", "qr", "paired_at", "last_seen_at", "last_disconnect_reason", "owner", "reconnect_count", "alerts", "limits",
  "cloud_phone_number_id", "cloud_waba_id", "cloud_secrets",
] as const;

/** Applies what the owning process observed (or what staff asked); compensation restores the fields it touched. */
export const patchSessionStep = createStep(
  "patch-whatsapp-session",
  async (patch: SessionPatch, { container }) => {
    const service = whatsappService(container);
    const before = await service.retrieveWhatsAppSession(patch.id);
    const { id, count_reconnect, alert, clear_alerts, limits, ...fields } = patch;
    const alerts = clear_alerts ? [] : ((before.alerts as SessionAlert[] | null) ?? []);
    const update = {
      id,
      ...fields,
      ...(count_reconnect ? { reconnect_count: before.reconnect_count + 1 } : {}),
      ...(alert || clear_alerts ? { alerts: alert ? [alert, ...alerts].slice(0, 20) : alerts } : {}),
      ...(limits ? { limits: mergeLimits(before.limits as SessionLimits | null, limits) } : {}),
    };
    const after = await service.updateWhatsAppSessions(update as Parameters<typeof service.updateWhatsAppSessions>[0] & { id: string });
    const snapshot = Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, before[f]]));
    return new StepResponse(after, { id, snapshot });
  },
  async (undo, { container }) => {
    if (undo) await whatsappService(container).updateWhatsAppSessions({ id: undo.id, ...undo.snapshot } as never);
  },
);

/** Soft-deletes the session and removes its credentials (Baileys auth state, Cloud API secrets); compensation restores them. */
export const deleteSessionStep = createStep(
  "delete-whatsapp-session",
  async (id: string, { container }) => {
    const service = whatsappService(container);
    const blob = await service.readAuthBlob(id);
    const [session] = await service.listWhatsAppSessions({ id }, { take: 1, select: ["id", "cloud_secrets"] });
    const cloudSecrets = (session?.cloud_secrets as string | null | undefined) ?? null;
    await service.removeAuthBlob(id);
    if (cloudSecrets) await service.updateWhatsAppSessions({ id, cloud_secrets: null });
    await service.softDeleteWhatsAppSessions(id);
    return new StepResponse({ id, deleted: true }, { id, blob, cloudSecrets });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = whatsappService(container);
    await service.restoreWhatsAppSessions(undo.id);
    if (undo.blob) await service.writeAuthBlob(undo.id, undo.blob);
    if (undo.cloudSecrets) await service.updateWhatsAppSessions({ id: undo.id, cloud_secrets: undo.cloudSecrets });
  },
);
