/** The backup settings' defaults and floors (the zod schema of the PUT body enforces the floors too). */
export const OPERATIONS_SETTINGS_DEFAULTS = {
  backup_hour: 3,
  daily_retention_days: 30,
  external_retention_weeks: 12,
  restore_test_weekday: 0,
} as const;

export const OPERATIONS_SETTINGS_MINIMUMS = { daily_retention_days: 7, external_retention_weeks: 4 } as const;

/** The fields an update may change, in the order the audit row lists them. */
export const OPERATIONS_SETTINGS_FIELDS = [
  "backup_hour",
  "daily_retention_days",
  "external_retention_weeks",
  "restore_test_weekday",
  "external_endpoint",
  "external_region",
  "external_bucket",
  "external_prefix",
  "external_force_path_style",
] as const;
