import { MANAGERS, formatShopTime, staffRoleSchema } from "@voltura/domain";
import { type AuditEntry } from "@voltura/contracts";
import { AuditApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { listStaff } from "$lib/server/staff-api";
import { auditExportHref, auditHref, describeChange, isFiltered, KNOWN_ACTIONS, KNOWN_ENTITIES, readAuditFilters } from "./audit-filters";
import { loadPresets, presetActions } from "$lib/server/list-presets";
import { roleLabel as staffRoleLabel } from "$lib/i18n/roles";
import { m } from "$lib/paraglide/messages.js";
import type { Actions, PageServerLoad } from "./$types";

function roleLabel(role: string | null): string {
  if (!role) return "";
  const staff = staffRoleSchema.safeParse(role);
  return staff.success ? staffRoleLabel(staff.data) : role === "system" ? m.audit_actor_system() : role === "integration" ? m.audit_actor_integration() : role;
}

function row(e: AuditEntry) {
  return {
    id: e.id,
    when: formatShopTime(e.occurred_at),
    at: e.occurred_at,
    who: e.actor_name ?? (e.actor_id?.startsWith("system:") ? m.audit_actor_system() : e.actor_id ?? m.audit_actor_nobody()),
    role: roleLabel(e.actor_role),
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    changes: Object.entries(e.changes ?? {}).map(([field, change]) => describeChange(field, change)),
    details: e.metadata ? JSON.stringify(e.metadata, null, 2) : null,
    ip: e.ip,
  };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const { filters, cursor, query, problem } = readAuditFilters(url.searchParams);
  const people = listStaff(commerce, { limit: 200 }).then(
    ({ staff }) => staff.map((s) => ({ id: s.id, name: s.name || s.email })).sort((a, b) => a.name.localeCompare(b.name)),
    () => [] as Array<{ id: string; name: string }>,
  );
  const base = {
    filters,
    filtered: isFiltered(filters),
    knownActions: [...KNOWN_ACTIONS],
    knownEntities: [...KNOWN_ENTITIES],
    paged: cursor !== null,
    firstPageHref: auditHref(filters),
    exportHref: auditExportHref(filters),
    presets: await loadPresets(locals, "audit"),
  };
  if (!query) return { ...base, people: await people, rows: [], nextHref: null, problem };
  try {
    const page = await new AuditApi(commerce).list(query);
    return {
      ...base,
      people: await people,
      rows: page.audit_entries.map(row),
      nextHref: page.next_cursor ? auditHref(filters, page.next_cursor) : null,
      problem: null,
    };
  } catch (err) {
    return { ...base, people: await people, rows: [], nextHref: null, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = presetActions("audit", MANAGERS);
