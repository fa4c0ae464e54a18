import { model } from "@medusajs/framework/utils";

/**
 * Where the report daily rows stand (one row, id "daily"): every shop day before `complete_before`
 * is stored, and every source row updated before `watermark` is in them. Written in the same
 * transaction as the rows it describes, so a refresh killed midway leaves both as they were.
 */
export const ReportRefreshState = model.define("report_refresh_state", {
  id: model.text().primaryKey(),
  watermark: model.dateTime().nullable(),
  /** A shop day, "2026-12-06". */
  complete_before: model.text().nullable(),
  /** The shop setting the counter-sale lines were split with; another value rebuilds everything. */
  prices_include_tax: model.boolean().nullable(),
});
