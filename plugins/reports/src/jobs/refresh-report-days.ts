import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { refreshReportDays } from "../modules/report-days/daily/refresh";

/**
 * Every minute: the report daily rows catch up with the days whose sales changed and with the days
 * that ended since the last run (the first run fills every past day). Reports stay exact between
 * runs (they compute those days live); this keeps them fast.
 */
export default async function refreshReportDaysJob(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    const result = await refreshReportDays(container);
    if (result.mode === "fill" || result.days > 0) logger.info(`report daily rows: ${result.mode}, ${result.days} day(s) in ${result.ms} ms`);
  } catch (error) {
    logger.error(`report daily rows: refresh failed, the next run retries: ${(error as Error).message}`);
  }
}

export const config = { name: "refresh-report-days", schedule: { interval: 60_000 } };
