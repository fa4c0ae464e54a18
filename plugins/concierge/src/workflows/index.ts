// The plugin's Medusa workflows, for other plugins, the seed and the commerce app.
export { saveKnowledgeDocumentWorkflow } from "./save-knowledge-document";
export { deleteKnowledgeDocumentWorkflow } from "./delete-knowledge-document";
export { reembedKnowledgeWorkflow } from "./reembed-knowledge";
export { openHandoffWorkflow } from "./open-handoff";
export { changeHandoffWorkflow, type ChangeHandoffInput } from "./change-handoff";
export { recordConciergeTurnWorkflow, type RecordTurnInput } from "./record-concierge-turn";
export { updateConciergeSettingsWorkflow } from "./update-concierge-settings";
export { saveConciergeDraftWorkflow } from "./save-concierge-draft";
