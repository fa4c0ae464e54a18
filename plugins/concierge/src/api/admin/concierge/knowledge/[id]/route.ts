import { knowledgeDocumentBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { toKnowledgeDocument } from "../../../../../modules/concierge/records";
import { deleteKnowledgeDocumentWorkflow } from "../../../../../workflows/delete-knowledge-document";
import { saveKnowledgeDocumentWorkflow } from "../../../../../workflows/save-knowledge-document";
import { EDITORS } from "../../roles";

/** Replaces the document's text and re-embeds it. */
export const POST = staffRoute(EDITORS, async (req, res) => {
  const body = parseOrThrow(knowledgeDocumentBodySchema, req.body);
  const { result } = await saveKnowledgeDocumentWorkflow(req.scope).run({ input: { ...body, id: req.params.id!, updated_by: req.actor.name } });
  res.json({ document: toKnowledgeDocument(result) });
});

export const DELETE = staffRoute(EDITORS, async (req, res) => {
  const { result } = await deleteKnowledgeDocumentWorkflow(req.scope).run({ input: req.params.id! });
  res.json(result);
});
