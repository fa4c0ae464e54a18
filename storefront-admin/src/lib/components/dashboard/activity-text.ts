import type { ActivityType } from "@voltura/domain";
import type { ActivityItem } from "@voltura/contracts";
import { m } from "$lib/paraglide/messages.js";
import type { ActivityVerb } from "./activity";

/** The filter's name of a type, in the current language. */
export function activityTypeLabel(type: ActivityType): string {
  switch (type) {
    case "job": return m.dashboard_activity_type_job();
    case "customer": return m.dashboard_activity_type_customer();
    case "sale": return m.dashboard_activity_type_sale();
    case "document": return m.dashboard_activity_type_document();
    case "stock": return m.dashboard_activity_type_stock();
    case "messaging": return m.dashboard_activity_type_messaging();
    case "admin": return m.dashboard_activity_type_admin();
  }
}

function recordOf(type: ActivityType): string {
  switch (type) {
    case "job": return m.dashboard_record_job();
    case "customer": return m.dashboard_record_customer();
    case "sale": return m.dashboard_record_sale();
    case "document": return m.dashboard_record_document();
    case "stock": return m.dashboard_record_stock();
    case "messaging": return m.dashboard_record_messaging();
    case "admin": return m.dashboard_record_admin();
  }
}

/** "Aisyah changed the status of a repair job", in the current language. */
export function activitySentence(item: Pick<ActivityItem, "type" | "actor_name"> & { verb: ActivityVerb }): string {
  const actor = item.actor_name?.trim() || m.dashboard_activity_someone();
  const record = recordOf(item.type);
  switch (item.verb) {
    case "created": return m.dashboard_activity_created({ actor, record });
    case "changed": return m.dashboard_activity_changed({ actor, record });
    case "removed": return m.dashboard_activity_removed({ actor, record });
    case "status": return m.dashboard_activity_status({ actor, record });
    case "signed_in": return m.dashboard_activity_signed_in({ actor });
    case "exported": return m.dashboard_activity_exported({ actor, record });
    case "other": return m.dashboard_activity_other({ actor, record });
  }
}
