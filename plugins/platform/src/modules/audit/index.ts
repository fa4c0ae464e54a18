import { Module } from "@medusajs/framework/utils";
import { AUDIT_MODULE } from "@voltura/medusa-kit";
import AuditModuleService from "./service";

/** Resolve with container.resolve(AUDIT_MODULE) ("audit"); write through recordAudit() from @voltura/medusa-kit. */
export { AUDIT_MODULE };

export default Module(AUDIT_MODULE, { service: AuditModuleService });
export { AuditModuleService };
