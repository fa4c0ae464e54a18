import { knowledgeSearchBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { conciergeOf } from "../../../../../workflows/steps/service";
import { INBOX } from "../../roles";
import { dryRunAnswer } from "../../support";

/** "Test a question": the retrieval hits and what the concierge would answer a customer with no jobs. */
const TEST_PHONE = "+60100000000";

export const POST = staffRoute(INBOX, async (req, res) => {
  const body = parseOrThrow(knowledgeSearchBodySchema, req.body);
  const hits = await conciergeOf(req.scope).searchKnowledge(body.question, { k: body.k });
  const preview = await dryRunAnswer(req.scope, TEST_PHONE, body.question);
  res.json({
    hits: hits.map((h) => ({ document_id: h.documentId, kind: h.kind, title: h.title, content: h.content, score: Math.round(h.score * 1000) / 1000 })),
    preview: { reply: preview.reply, language: preview.language, tool_calls: preview.tool_calls, mode: preview.mode },
  });
});
