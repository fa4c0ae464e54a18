import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";

/** One owner per session across instances: the holder of this lock (Medusa's locking module, a renewed lease). */
export const sessionLockKey = (sessionId: string) => `whatsapp:session:${sessionId}`;

const locking = (container: MedusaContainer) => container.resolve<ILockingModule>(Modules.LOCKING);

/** Takes or renews the session's lease for `ownerId`; false when another process holds it. */
export async function leaseSession(container: MedusaContainer, ownerId: string, sessionId: string, leaseSeconds: number): Promise<boolean> {
  try {
    await locking(container).acquire(sessionLockKey(sessionId), { ownerId, expire: leaseSeconds });
    return true;
  } catch {
    return false;
  }
}

/** Frees the session's lock for another instance (best effort: an expired lease frees itself). */
export async function unlockSession(container: MedusaContainer, ownerId: string, sessionId: string): Promise<void> {
  await locking(container).release(sessionLockKey(sessionId), { ownerId }).catch(() => undefined);
}
