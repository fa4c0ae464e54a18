import { knowledgeDocumentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { toKnowledgeDocument } from "../../../../modules/concierge/records";
import { saveKnowledgeDocumentWorkflow } from "../../../../workflows/save-knowledge-document";
import { conciergeOf } from "../../../../workflows/steps/service";
import { EDITORS, INBOX } from "../roles";

export const GET = staffRoute(INBOX, async (req, res) => {
  const rows = await conciergeOf(req.scope).listKnowledgeDocuments({}, { order: { kind: "ASC", title: "ASC" }, take: 500 });
  res.json({ documents: rows.map(toKnowledgeDocument) });
});

/** Creates a document; it is chunked and embedded before the answer. */
export const POST = staffRoute(EDITORS, async (req, res) => {
  const body = parseOrThrow(knowledgeDocumentBodySchema, req.body);
  const { result } = await saveKnowledgeDocumentWorkflow(req.scope).run({ input: { ...body, updated_by: req.actor.name } });
  res.status(201).json({ document: toKnowledgeDocument(result) });
});
