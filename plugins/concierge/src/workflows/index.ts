// The plugin's Medusa workflows, for other plugins, the seed and the commerce app.
export { saveKnowledgeDocumentWorkflow, deleteKnowledgeDocumentWorkflow, reembedKnowledgeWorkflow } from "./save-knowledge-document";
export { openHandoffWorkflow } from "./open-handoff";
export { changeHandoffWorkflow, type ChangeHandoffInput } from "./change-handoff";
export { recordConciergeTurnWorkflow, type RecordTurnInput } from "./record-concierge-turn";
export { updateConciergeSettingsWorkflow, saveConciergeDraftWorkflow } from "./concierge-settings";
