import { staffRoute } from "@voltura/medusa-kit";
import { reembedKnowledgeWorkflow } from "../../../../../workflows/reembed-knowledge";
import { EDITORS } from "../../roles";

/** Re-chunks and re-embeds every document with the embedder now configured. */
export const POST = staffRoute(EDITORS, async (req, res) => {
  const { result } = await reembedKnowledgeWorkflow(req.scope).run({ input: undefined });
  res.json(result);
});
