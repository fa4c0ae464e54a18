import { MedusaService } from "@medusajs/framework/utils";
import { NumberSeries } from "./models/number-series";

/** The shop's document number series; numbers are taken inside the caller's transaction with `takeNextNumber`. */
export default class NumberSeriesService extends MedusaService({ NumberSeries }) {}
