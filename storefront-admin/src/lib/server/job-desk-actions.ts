import type { RequestEvent } from "@sveltejs/kit";
import { PHOTO_TAGS, PRIORITIES, REPAIR_STATUS_LABELS, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_UPLOAD, type PhotoTag, type Priority } from "@voltura/domain";
import { changeStatusBodySchema } from "@voltura/medusa-client";
import { JOB_ABILITY_ROLES } from "$lib/repair/abilities";
import { shopLocalToIso } from "$lib/repair/shop-time";
import { refuse, sectionAction, textFields } from "./action-result";
import { requireRole } from "./guard";

type Event = RequestEvent<{ id: string }>;

/** Status moves (the allowed next statuses only; commerce answers 409 naming them otherwise). */
export async function statusAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.status);
  const values = textFields(await request.formData());
  const note = (values.note ?? "").trim();
  const parsed = changeStatusBodySchema.safeParse({ status: values.status, note: note || undefined });
  if (!parsed.success) return refuse("status", "Choose the status to move this job to.", { values });
  return sectionAction(
    "status",
    async () => {
      await commerce.changeRepairJobStatus(params.id, parsed.data);
      return `Moved to ${REPAIR_STATUS_LABELS[parsed.data.status]}.`;
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
    return job.technician_name ? `Assigned to ${job.technician_name}.` : "The job is unassigned.";
  });
}

/** Priority and ready-by time (the SLA follows the priority). */
export async function detailsAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.editIntake);
  const values = textFields(await request.formData());
  const priority = values.priority as Priority;
  if (!PRIORITIES.includes(priority)) return refuse("details", "Choose a priority.", { values });
  const etaText = (values.eta ?? "").trim();
  const eta = shopLocalToIso(etaText);
  if (etaText && !eta) return refuse("details", "Enter the ready-by date and time.", { values, errors: { eta: "Enter a date and time" } });
  return sectionAction(
    "details",
    async () => {
      await commerce.updateRepairJob(params.id, { priority, eta });
      return "Priority and ready-by time saved.";
    },
    { values },
  );
}

/** The technician's findings. */
export async function diagnosisAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.diagnose);
  const values = textFields(await request.formData());
  const diagnosis = (values.diagnosis ?? "").trim();
  if (diagnosis.length > 4000) return refuse("diagnosis", "Keep the diagnosis under 4000 characters.", { values });
  return sectionAction(
    "diagnosis",
    async () => {
      await commerce.updateRepairJob(params.id, { diagnosis: diagnosis || null });
      return diagnosis ? "Diagnosis saved." : "Diagnosis cleared.";
    },
    { values },
  );
}

/** A free note on the timeline. */
export async function noteAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.status);
  const values = textFields(await request.formData());
  const note = (values.note ?? "").trim();
  if (!note) return refuse("note", "Write the note first.", { values });
  if (note.length > 2000) return refuse("note", "Keep the note under 2000 characters.", { values });
  return sectionAction(
    "note",
    async () => {
      await commerce.updateRepairJob(params.id, { note });
      return "Note added to the timeline.";
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
  if (!PHOTO_TAGS.includes(tag)) return refuse("photos", "Choose when the photo was taken: before, during or after the repair.");
  if (!files.length) return refuse("photos", "Choose one or more photos to upload.");
  if (files.length > MAX_PHOTOS_PER_UPLOAD) return refuse("photos", `Upload at most ${MAX_PHOTOS_PER_UPLOAD} photos at a time.`);
  const wrong = files.find((f) => !PHOTO_TYPES.has(f.type));
  if (wrong) return refuse("photos", `${wrong.name} is not a JPEG, PNG or WebP image.`);
  const big = files.find((f) => f.size > MAX_PHOTO_BYTES);
  if (big) return refuse("photos", `${big.name} is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  return sectionAction("photos", async () => {
    const saved = await commerce.uploadRepairJobPhotos(
      params.id,
      files.map((f) => ({ name: f.name, type: f.type, data: f })),
      { tag, caption: caption || null },
    );
    return `${saved.length} ${saved.length === 1 ? "photo" : "photos"} added.`;
  });
}

export async function deletePhotoAction({ locals, params, request }: Event) {
  const { commerce } = requireRole(locals, JOB_ABILITY_ROLES.photos);
  const photoId = String((await request.formData()).get("photo_id") ?? "");
  if (!photoId) return refuse("photos", "Choose the photo to delete.");
  return sectionAction("photos", async () => {
    await commerce.deleteRepairJobPhoto(params.id, photoId);
    return "Photo deleted.";
  });
}
