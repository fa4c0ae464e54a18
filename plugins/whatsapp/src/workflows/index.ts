// The plugin's Medusa workflows, for other plugins and the commerce app.
export * from "./send-whatsapp-message";
export * from "./record-inbound-whatsapp";
export * from "./update-whatsapp-message-status";
export * from "./manage-whatsapp-sessions";
export * from "./set-whatsapp-contact-opt-out";
export * from "./record-whatsapp-refusal";
