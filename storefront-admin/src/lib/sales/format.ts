import { formatDate, formatDateTime } from "$lib/i18n/format";

/** "30 Nov 2026" in shop time, in the staff member's locale (see $lib/i18n/format). */
export const shopDate = (iso: string | null | undefined): string => formatDate(iso);
/** "30 Nov 2026, 3:05 pm" in shop time, in the staff member's locale. */
export const shopDateTime = (iso: string | null | undefined): string => formatDateTime(iso);
