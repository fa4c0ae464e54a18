import type { MedusaContainer } from "@medusajs/framework/types";
import { SessionSupervisor } from "./supervisor";

let running: SessionSupervisor | null = null;

/**
 * This process's session supervisor, started on first use (the boot job, or any WhatsApp route).
 * One per process: a stopped one (the app shut down, or a test restarted the gateway) is replaced.
 */
export async function ensureSupervisor(container: MedusaContainer): Promise<SessionSupervisor> {
  if (running && !running.isStopped) return running;
  const supervisor = new SessionSupervisor(container);
  running = supervisor;
  await supervisor.start();
  return supervisor;
}

export async function stopSupervisor(): Promise<void> {
  const current = running;
  running = null;
  await current?.stop();
}
