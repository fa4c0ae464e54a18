import { Module } from "@medusajs/framework/utils";
import NumberSeriesService from "./service";

/** Resolve with container.resolve(NUMBER_SERIES_MODULE): the shop's document number series (`number_series`). */
export const NUMBER_SERIES_MODULE = "numberSeries";

export default Module(NUMBER_SERIES_MODULE, { service: NumberSeriesService });
export { NumberSeriesService };
export { giveBackNumber, takeNextNumber, type NumberSeriesDb } from "./numbers";
export { moveCounterToNumberSeriesSql, OLD_COUNTER_TABLES, type OldCounterTable } from "./adopt-counter";
