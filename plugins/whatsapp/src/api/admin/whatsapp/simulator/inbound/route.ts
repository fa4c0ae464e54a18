import { MedusaError } from "@medusajs/framework/utils";
import { simulatorInboundBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../modules/whatsapp/gateway/boot";
import { whatsappService } from "../../../../../workflows/steps/service";
import { customerNamesOf, phoneOr400, pickSession, requireSimulatorOn, SIMULATOR_USERS, toApiMessage } from "../../shared";

/**
 * Owners and managers write as a customer (demos, training): the simulator transport delivers the
 * message through the same inbound path as Baileys, flagged `simulated`. While the shop has a real
 * number, a simulated message is only logged: it approves no quote and opts nobody out.
 * 201 with the stored message; 200 with the first one for a re-delivery; 404 with WHATSAPP_SIMULATOR=off.
 */
export const POST = staffRoute(SIMULATOR_USERS, async (req, res) => {
  requireSimulatorOn();
  const body = parseOrThrow(simulatorInboundBodySchema, req.body);
  const from = phoneOr400(body.from, "from");
  const session = await pickSession(req.scope, body.session_id, "simulator");
  const supervisor = await ensureSupervisor(req.scope);
  const simulator = supervisor.simulator(session.id);
  if (!simulator || simulator.state !== "open") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Simulator session ${session.name} is not connected here (state ${session.state}); pair it first`);
  }
  const emitted = simulator.simulateInbound(from, body.body, { ...(body.name ? { pushName: body.name } : {}), ...(body.wa_message_id ? { id: body.wa_message_id } : {}) });
  const service = whatsappService(req.scope);
  const stored = emitted
    ? await supervisor.inboundProcessed(session.id, emitted.id)
    : await service.findByWaId(session.id, body.wa_message_id!);
  if (!stored) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The message was not recorded; see the commerce log");
  const row = (await service.getMessage(stored.id))!;
  res.status(emitted ? 201 : 200).json({ message: toApiMessage(row, await customerNamesOf(req.scope, [row])), duplicate: !emitted });
});
