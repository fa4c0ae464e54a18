import { MedusaService } from "@medusajs/framework/utils";
import { ReportRefreshState } from "./models/report-refresh-state";

/** The daily rows themselves are plain tables written by SQL (src/daily); the service owns the state row. */
class ReportDaysModuleService extends MedusaService({ ReportRefreshState }) {}

export default ReportDaysModuleService;
