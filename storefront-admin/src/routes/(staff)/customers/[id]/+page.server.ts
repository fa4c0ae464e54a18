import { error, fail, type RequestEvent } from "@sveltejs/kit";
import { ALL_STAFF, CRM_EDITORS, MANAGERS, roleAllowed, tryNormalisePhone, type StaffRole } from "@voltura/domain";
import { type CrmCustomerDetail } from "@voltura/contracts";
import { CommerceError, type CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import {
  addTags,
  commerceErrorsFor,
  DEVICE_FIELDS,
  duplicateDeviceOf,
  parseDeviceForm,
  parseNoteForm,
  parseProfileForm,
  PROFILE_FIELDS,
  removeTag,
} from "$lib/server/customer-forms";
import { customerDetailView, displayPhone, formatShopDate } from "$lib/server/customers-view";
import { formValues, type FieldErrors } from "$lib/server/forms";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

async function readCustomer(commerce: CommerceClient, id: string): Promise<CrmCustomerDetail> {
  try {
    return await commerce.getCrmCustomer(id);
  } catch (err) {
    if (err instanceof CommerceError && err.status === 404) error(404, { message: m.customers_not_found() });
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
}

/** The "merge a duplicate" panel (owner / manager): phone search → pick one → review what moves → confirm. */
async function mergeStep(commerce: CommerceClient, primary: CrmCustomerDetail, url: URL) {
  const phone = (url.searchParams.get("merge_phone") ?? "").trim().slice(0, 32);
  const withId = url.searchParams.get("merge_with");
  if (withId && withId !== primary.id) {
    const other = await commerce.getCrmCustomer(withId).catch(() => null);
    if (other) {
      return {
        phone,
        candidates: [],
        review: {
          id: other.id,
          name: other.name,
          phone: displayPhone(other.phone),
          since: formatShopDate(other.created_at),
          moves: { jobs: other.repair_jobs.length, devices: other.devices.length, notes: other.notes.length, orders: other.purchases.length },
          newTags: other.tags.filter((t) => !primary.tags.includes(t)),
        },
        problem: null,
      };
    }
    return { phone, candidates: [], review: null, problem: m.customers_merge_gone() };
  }
  if (!phone) return { phone, candidates: [], review: null, problem: null };
  if (!tryNormalisePhone(phone) && phone.replace(/\D/g, "").length < 3) {
    return { phone, candidates: [], review: null, problem: m.customers_merge_type_digits() };
  }
  try {
    const found = await commerce.lookupCrmCustomers(phone);
    const candidates = found.filter((c) => c.id !== primary.id).map((c) => ({ id: c.id, name: c.name, phone: displayPhone(c.phone), exact: c.match === "exact" }));
    return { phone, candidates, review: null, problem: candidates.length ? null : m.customers_merge_none() };
  } catch (err) {
    return { phone, candidates: [], review: null, problem: commerceProblem(err).message };
  }
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  const customer = await readCustomer(commerce, params.id);
  const can = { edit: roleAllowed(staff.role, CRM_EDITORS), merge: roleAllowed(staff.role, MANAGERS) };
  const [tags, merge] = await Promise.all([
    can.edit ? commerce.listCrmTags().then((list) => list.map((t) => t.tag), () => [] as string[]) : Promise.resolve([] as string[]),
    can.merge ? mergeStep(commerce, customer, url) : Promise.resolve(null),
  ]);
  return { ...customerDetailView(customer), tagSuggestions: tags.filter((t) => !customer.tags.includes(t)), can, merge, created: url.searchParams.has("created") };
};

type ActionName = "profile" | "tags" | "device" | "note" | "merge";

/** Every action answers in one shape, so the page shows the result next to the form that sent it. */
function refuse(action: ActionName, status: number, message: string | null, errors: FieldErrors = {}, values: Record<string, string> = {}) {
  return fail(status, { action, message, errors, values, done: null as string | null });
}
const done = (action: ActionName, message: string) => ({ action, message: null, errors: {} as FieldErrors, values: {} as Record<string, string>, done: message });

function commerceRefusal(action: ActionName, err: unknown, fields: readonly string[], values: Record<string, string> = {}) {
  const invalid = commerceErrorsFor(err, fields);
  if (invalid) return refuse(action, 400, invalid.rest ?? m.customers_check_fields(), invalid.errors, values);
  const problem = commerceProblem(err);
  return refuse(action, problem.status >= 400 && problem.status < 600 ? problem.status : 502, problem.message, {}, values);
}

function editor(event: RequestEvent, roles: readonly StaffRole[] = CRM_EDITORS) {
  return requireRole(event.locals, roles).commerce;
}

export const actions: Actions = {
  profile: async (event) => {
    const commerce = editor(event);
    const values = formValues(await event.request.formData(), PROFILE_FIELDS);
    const parsed = parseProfileForm(values);
    if (!parsed.ok) return refuse("profile", 400, m.customers_check_fields(), parsed.errors, values);
    try {
      await commerce.updateCrmCustomer(event.params.id!, parsed.body);
    } catch (err) {
      if (err instanceof CommerceError && err.status === 409) return refuse("profile", 409, err.message, { email: err.message }, values);
      return commerceRefusal("profile", err, PROFILE_FIELDS, values);
    }
    return done("profile", m.customers_profile_saved());
  },

  tags: async (event) => {
    const commerce = editor(event);
    const typed = String((await event.request.formData()).get("add") ?? "");
    const current = await readCustomer(commerce, event.params.id!);
    const parsed = addTags(current.tags, typed);
    if (!parsed.ok) return refuse("tags", 400, null, parsed.errors, { add: typed });
    try {
      await commerce.updateCrmCustomer(current.id, { tags: parsed.body });
    } catch (err) {
      return commerceRefusal("tags", err, ["tags"], { add: typed });
    }
    const added = parsed.body.filter((t) => !current.tags.includes(t));
    return done("tags", added.length ? m.customers_tagged({ tags: added.map((t) => `“${t}”`).join(", ") }) : m.customers_already_tagged());
  },

  untag: async (event) => {
    const commerce = editor(event);
    const tag = String((await event.request.formData()).get("tag") ?? "");
    const current = await readCustomer(commerce, event.params.id!);
    try {
      await commerce.updateCrmCustomer(current.id, { tags: removeTag(current.tags, tag) });
    } catch (err) {
      return commerceRefusal("tags", err, ["tags"]);
    }
    return done("tags", m.customers_tag_removed({ tag }));
  },

  device: async (event) => {
    const commerce = editor(event);
    const values = formValues(await event.request.formData(), DEVICE_FIELDS);
    const parsed = parseDeviceForm(values);
    if (!parsed.ok) return refuse("device", 400, m.customers_check_fields(), parsed.errors, values);
    try {
      const device = await commerce.addCrmCustomerDevice(event.params.id!, parsed.body);
      return done("device", m.customers_device_added({ device: `${device.brand} ${device.model}` }));
    } catch (err) {
      const twin = duplicateDeviceOf(err);
      if (twin) return refuse("device", 409, twin.message, { imei_serial: twin.message }, values);
      return commerceRefusal("device", err, DEVICE_FIELDS, values);
    }
  },

  note: async (event) => {
    const commerce = editor(event);
    const text = String((await event.request.formData()).get("body") ?? "");
    const parsed = parseNoteForm(text);
    if (!parsed.ok) return refuse("note", 400, null, parsed.errors, { body: text });
    try {
      await commerce.addCrmCustomerNote(event.params.id!, parsed.body);
    } catch (err) {
      return commerceRefusal("note", err, ["body"], { body: text });
    }
    return done("note", m.customers_note_added());
  },

  merge: async (event) => {
    const commerce = editor(event, MANAGERS);
    const duplicateId = String((await event.request.formData()).get("duplicate_id") ?? "").trim();
    if (!duplicateId) return refuse("merge", 400, m.customers_merge_choose());
    try {
      const { merged } = await commerce.mergeCrmCustomers(event.params.id!, duplicateId);
      const parts = [
        merged.repair_jobs === 1 ? m.customers_n_repair_job({ count: merged.repair_jobs }) : m.customers_n_repair_jobs({ count: merged.repair_jobs }),
        merged.devices === 1 ? m.customers_n_device({ count: merged.devices }) : m.customers_n_devices({ count: merged.devices }),
        merged.notes === 1 ? m.customers_n_note({ count: merged.notes }) : m.customers_n_notes({ count: merged.notes }),
        merged.orders === 1 ? m.customers_n_order({ count: merged.orders }) : m.customers_n_orders({ count: merged.orders }),
      ];
      return done("merge", m.customers_merged({ parts: parts.join(", ") }));
    } catch (err) {
      return commerceRefusal("merge", err, []);
    }
  },
};
