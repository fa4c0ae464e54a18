/** The variable global-setup.ts sets to the migrated template database's name for the suites. */
export const MIGRATED_TEMPLATE_ENV = "VOLTURA_IT_MIGRATED_TEMPLATE";

/** The shared boot's databases (medusa-runner.ts) start with it, then the Vitest process's pid. */
export const SHARED_DATABASE_PREFIX = "voltura_it_shared_";
