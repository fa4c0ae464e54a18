import { Module } from "@medusajs/framework/utils";
import reportSourceIndexes from "./loaders/source-indexes";
import ReportDaysModuleService from "./service";

/** Resolve with container.resolve("reportDays"). */
export const REPORT_DAYS_MODULE = "reportDays";

export default Module(REPORT_DAYS_MODULE, { service: ReportDaysModuleService, loaders: [reportSourceIndexes] });
export { ReportDaysModuleService };
