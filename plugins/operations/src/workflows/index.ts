// The plugin's exports for other plugins and the commerce app.
export {};
