// The plugin's Medusa workflows, for other plugins and the commerce app.
export * from "./send-whatsapp-message";
export * from "./deliver-pending-whatsapp";
export * from "./record-inbound-whatsapp";
export * from "./update-whatsapp-message-status";
export * from "./create-whatsapp-session";
export * from "./patch-whatsapp-session";
export * from "./delete-whatsapp-session";
export * from "./set-whatsapp-contact-opt-out";
export * from "./record-whatsapp-refusal";
