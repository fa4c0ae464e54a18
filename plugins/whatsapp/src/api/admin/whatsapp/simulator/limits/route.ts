import { MedusaError } from "@medusajs/framework/utils";
import { simulatorLimitsBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { ensureSupervisor } from "../../../../../modules/whatsapp/gateway/boot";
import { whatsappService } from "../../../../../workflows/steps/service";
import { pickSession, requireSimulatorOn, SIMULATOR_USERS, toApiSession } from "../../shared";

/**
 * WhatsApp's side of campaign pacing on a simulator session (demos, training, tests): announces a
 * reach-out timelock (sends are refused with 463 until it ends; null lifts it) or a new-chat cap, and
 * can refuse the next send with 463 / 401 / 403. Answers the session with its stored limits.
 */
export const POST = staffRoute(SIMULATOR_USERS, async (req, res) => {
  requireSimulatorOn();
  const body = parseOrThrow(simulatorLimitsBodySchema, req.body);
  const session = await pickSession(req.scope, body.session_id, "simulator");
  const supervisor = await ensureSupervisor(req.scope);
  const simulator = supervisor.simulator(session.id);
  if (!simulator || simulator.state !== "open") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Simulator session ${session.name} is not connected here (state ${session.state}); pair it first`);
  }
  if (body.reachout_timelock_until !== undefined || body.new_chat_cap !== undefined) {
    simulator.simulateLimits({
      ...(body.reachout_timelock_until !== undefined ? { reachoutTimelockUntil: body.reachout_timelock_until && new Date(body.reachout_timelock_until).toISOString() } : {}),
      ...(body.new_chat_cap !== undefined ? { newChatMessageCap: body.new_chat_cap } : {}),
    });
  }
  if (body.refuse_next_send) simulator.simulateSendFailure(body.refuse_next_send);
  await supervisor.reconcileNow();
  res.json({ session: toApiSession(await whatsappService(req.scope).retrieveWhatsAppSession(session.id), req.actor.role) });
});
