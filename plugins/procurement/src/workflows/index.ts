// The plugin's Medusa workflows, for other plugins and the commerce app.
export {};
