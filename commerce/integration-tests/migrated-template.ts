/** The variable global-setup.ts sets to the migrated template database's name for the suites. */
export const MIGRATED_TEMPLATE_ENV = "VOLTURA_IT_MIGRATED_TEMPLATE";
