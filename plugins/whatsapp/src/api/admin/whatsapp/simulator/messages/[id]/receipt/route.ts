import { MedusaError } from "@medusajs/framework/utils";
import { simulatorReceiptBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../../../modules/whatsapp/gateway/boot";
import { updateWhatsAppMessageStatusWorkflow } from "../../../../../../../workflows/update-whatsapp-message-status";
import { whatsappService } from "../../../../../../../workflows/steps/service";
import { requireSimulatorOn, SIMULATOR_USERS, toApiMessage } from "../../../../shared";

/**
 * The simulated customer's phone reports delivered / read for a message the shop sent on a
 * simulator session. A message of a real number only gets receipts from WhatsApp itself: 409.
 */
export const POST = staffRoute(SIMULATOR_USERS, async (req, res) => {
  requireSimulatorOn();
  const body = parseOrThrow(simulatorReceiptBodySchema, req.body);
  const service = whatsappService(req.scope);
  const message = await service.getMessage(req.params.id);
  if (!message || message.direction !== "out") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Outbound WhatsApp message ${req.params.id} was not found`);
  const [session] = await service.listWhatsAppSessions({ id: message.session_id }, { take: 1, withDeleted: true });
  if (session?.kind !== "simulator") {
    res.status(409).json({ type: "not_simulated", code: "not_simulated", message: `Message ${message.id} went out on a real WhatsApp number: only WhatsApp reports its receipts` });
    return;
  }
  const supervisor = await ensureSupervisor(req.scope);
  const simulator = supervisor.simulator(message.session_id);
  if (simulator && message.wa_message_id) {
    try {
      simulator.simulateReceipt(message.wa_message_id, body.status);
    } catch {
      // Sent before this process started (the simulator forgot it): record the receipt directly.
    }
  }
  // The transport only reports forward moves; this makes the answer reflect the stored outcome either way.
  await updateWhatsAppMessageStatusWorkflow(req.scope).run({ input: { message_id: message.id, status: body.status } });
  res.json({ message: toApiMessage((await service.getMessage(message.id))!) });
});
