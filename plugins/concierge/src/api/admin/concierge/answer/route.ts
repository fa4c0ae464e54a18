import { conciergeAnswerBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { SERVICE } from "../roles";
import { phoneOrThrow, respondToMessage } from "../support";

/** The conversation workflow's answer activity calls this for every inbound message the bot should answer. */
export const POST = staffRoute(SERVICE, async (req, res) => {
  const body = parseOrThrow(conciergeAnswerBodySchema, req.body);
  const answer = await respondToMessage(req.scope, { phone: phoneOrThrow(body.phone), body: body.body, message_id: body.message_id });
  res.json(answer);
});
