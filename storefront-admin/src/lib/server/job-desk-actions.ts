import type { RequestEvent } from "@sveltejs/kit";
import { PHOTO_TAGS, PRIORITIES, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_UPLOAD, type PhotoTag, type Priority } from "@voltura/domain";
import { changeStatusBodySchema } from "@voltura/contracts";
import { JOB_ABILITY_ROLES } from "$lib/repair/abilities";
import { REPAIR_STATUS_LABELS } from "$lib/repair/labels";
import { shopLocalToIso } from "$lib/repair/shop-time";
import { refuse, sectionAction, textFields } from "./action-result";
import { requireRole } from "./guard";
import { m } from "$lib/paraglide/messages.js";

type Event = RequestEvent<{ id: string }>;

/** Status moves (the allowed next statuses only; commerce answers 409 naming them otherwise). */
export async function statusAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.status);
  const values = textFields(await request.formData());
  const note = (values.note ?? "").trim();
  const parsed = changeStatusBodySchema.safeParse({ status: values.status, note: note || undefined });
  if (!parsed.success) return refuse("status", m.job_act_choose_status(), { values });
  return sectionAction(
    "status",
    async () => {
      await commerce.changeRepairJobStatus(params.id, parsed.data);
      return m.job_act_moved_to({ status: REPAIR_STATUS_LABELS[parsed.data.status] });
    },
    { values },
  );
}

/** A manager assigns (or unassigns) the technician. */
export async function assignAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.assign);
  const values = textFields(await request.formData());
  const technicianId = (values.technician_id ?? "").trim() || null;
  return sectionAction("assign", async () => {
    const job = await commerce.assignRepairJobTechnician(params.id, { technician_id: technicianId });
    return job.technician_name ? m.job_act_assigned_to({ name: job.technician_name }) : m.job_act_unassigned();
  });
}

/** Priority and ready-by time (the SLA follows the priority). */
export async function detailsAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.editIntake);
  const values = textFields(await request.formData());
  const priority = values.priority as Priority;
  if (!PRIORITIES.includes(priority)) return refuse("details", m.job_act_choose_priority(), { values });
  const etaText = (values.eta ?? "").trim();
  const eta = shopLocalToIso(etaText);
  if (etaText && !eta) return refuse("details", m.job_act_enter_eta(), { values, errors: { eta: m.job_act_enter_date_time() } });
  return sectionAction(
    "details",
    async () => {
      await commerce.updateRepairJob(params.id, { priority, eta });
      return m.job_act_details_saved();
    },
    { values },
  );
}

/** The technician's findings. */
export async function diagnosisAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.diagnose);
  const values = textFields(await request.formData());
  const diagnosis = (values.diagnosis ?? "").trim();
  if (diagnosis.length > 4000) return refuse("diagnosis", m.job_act_diagnosis_long(), { values });
  return sectionAction(
    "diagnosis",
    async () => {
      await commerce.updateRepairJob(params.id, { diagnosis: diagnosis || null });
      return diagnosis ? m.job_act_diagnosis_saved() : m.job_act_diagnosis_cleared();
    },
    { values },
  );
}

/** A free note on the timeline. */
export async function noteAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.status);
  const values = textFields(await request.formData());
  const note = (values.note ?? "").trim();
  if (!note) return refuse("note", m.job_act_note_first(), { values });
  if (note.length > 2000) return refuse("note", m.job_act_note_long(), { values });
  return sectionAction(
    "note",
    async () => {
      await commerce.updateRepairJob(params.id, { note });
      return m.job_act_note_added();
    },
    { values },
  );
}

const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Photos tagged before / during / after, forwarded to commerce as multipart. */
export async function uploadPhotosAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.photos);
  const data = await request.formData();
  const tag = String(data.get("tag") ?? "") as PhotoTag;
  const caption = String(data.get("caption") ?? "").trim();
  const files = data.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  if (!PHOTO_TAGS.includes(tag)) return refuse("photos", m.job_act_photo_when());
  if (!files.length) return refuse("photos", m.job_act_photo_choose());
  if (files.length > MAX_PHOTOS_PER_UPLOAD) return refuse("photos", m.job_act_photo_max({ count: MAX_PHOTOS_PER_UPLOAD }));
  const wrong = files.find((f) => !PHOTO_TYPES.has(f.type));
  if (wrong) return refuse("photos", m.job_act_photo_type({ name: wrong.name }));
  const big = files.find((f) => f.size > MAX_PHOTO_BYTES);
  if (big) return refuse("photos", m.job_act_photo_big({ name: big.name, size: MAX_PHOTO_BYTES / 1024 / 1024 }));
  return sectionAction("photos", async () => {
    const saved = await commerce.uploadRepairJobPhotos(
      params.id,
      files.map((f) => ({ name: f.name, type: f.type, data: f })),
      { tag, caption: caption || null },
    );
    return saved.length === 1 ? m.job_act_photos_added_one() : m.job_act_photos_added_other({ count: saved.length });
  });
}

export async function deletePhotoAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.photos);
  const photoId = String((await request.formData()).get("photo_id") ?? "");
  if (!photoId) return refuse("photos", m.job_act_photo_choose_delete());
  return sectionAction("photos", async () => {
    await commerce.deleteRepairJobPhoto(params.id, photoId);
    return m.job_act_photo_deleted();
  });
}
