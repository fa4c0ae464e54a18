import { MedusaError } from "@medusajs/framework/utils";
import { staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../../modules/whatsapp/gateway/boot";
import { whatsappService } from "../../../../../../workflows/steps/service";
import { PAIRING_ROLES, pickSession, requireSimulatorOn, toApiSession } from "../../../shared";

/** Simulator sessions: "scans" the QR shown in the console, as a phone would. */
export const POST = staffRoute(PAIRING_ROLES, async (req, res) => {
  requireSimulatorOn();
  const session = await pickSession(req.scope, req.params.id, "simulator");
  const supervisor = await ensureSupervisor(req.scope);
  const simulator = supervisor.simulator(session.id);
  if (!simulator) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Session ${session.id} is not running in this process; start pairing first`);
  simulator.simulatePairing();
  await supervisor.reconcileNow();
  res.json({ session: toApiSession(await whatsappService(req.scope).retrieveWhatsAppSession(session.id), req.actor.role) });
});
