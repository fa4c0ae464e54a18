import { REPAIR_DESK } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { removeRepairJobPhotoWorkflow } from "../../../../../../workflows/remove-repair-job-photo";

/** Removes the photo and its stored file. */
export const DELETE = staffRoute(REPAIR_DESK, async (req, res) => {
  await removeRepairJobPhotoWorkflow(req.scope).run({ input: { repair_job_id: req.params.id!, photo_id: req.params.photoId! } });
  res.json({ id: req.params.photoId, object: "repair_job_photo", deleted: true });
});
