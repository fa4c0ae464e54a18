import { MedusaService } from "@medusajs/framework/utils";
import { RepairBulkAction } from "./models/repair-bulk-action";
import { RepairJob } from "./models/repair-job";
import { RepairJobEvent } from "./models/repair-job-event";
import { RepairJobPhoto } from "./models/repair-job-photo";
import { RepairJobStatusChange } from "./models/repair-job-status-change";

const RepairModuleBase = MedusaService({ RepairJob, RepairJobStatusChange, RepairJobEvent, RepairJobPhoto, RepairBulkAction });
type Generated = InstanceType<typeof RepairModuleBase>;

class RepairModuleService extends RepairModuleBase {
  // Medusa's type-level pluralizer calls these "…RepairJobPhotoes"; at runtime they are "…RepairJobPhotos".
  declare listRepairJobPhotos: Generated["listRepairJobPhotoes"];
  declare createRepairJobPhotos: Generated["createRepairJobPhotoes"];
  declare deleteRepairJobPhotos: Generated["deleteRepairJobPhotoes"];
}

export default RepairModuleService;
