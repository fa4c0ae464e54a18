import { Module } from "@medusajs/framework/utils";
import TemporalClientService from "./service";

export const TEMPORAL_MODULE = "temporal";

export default Module(TEMPORAL_MODULE, { service: TemporalClientService });
export type { StartOptions, WorkflowInspection } from "./service";
export { TemporalClientService };
