import { staffRoute } from "@voltura/medusa-kit";
import { syncTemplates } from "../../../../../../../modules/whatsapp/templates/template-account";
import { answerAccountError, sessionOr404, toApiTemplate } from "../../../../template-api";
import { SESSION_ADMINS } from "../../../../shared";

/** Reads the account's templates from Meta now (the `whatsapp-template-sync` job does it every 15 minutes). */
export const POST = staffRoute(SESSION_ADMINS, async (req, res) => {
  const session = await sessionOr404(req.scope, req.params.id!);
  try {
    const rows = await syncTemplates(req.scope, session);
    res.json({ templates: rows.map(toApiTemplate) });
  } catch (error) {
    answerAccountError(res, error);
  }
});
