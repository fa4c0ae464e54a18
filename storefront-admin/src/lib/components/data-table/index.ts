export { default as DataTable } from "./data-table.svelte";
export { default as ExportButton } from "./export-button.svelte";
export { default as PresetMenu } from "./preset-menu.svelte";
export type { BulkContext, DataColumn } from "./types";
export * from "./url-state";
