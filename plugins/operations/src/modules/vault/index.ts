import { Module } from "@medusajs/framework/utils";
import VaultModuleService from "./service";

/** Resolve with container.resolve("vault"). */
export const VAULT_MODULE = "vault";

export default Module(VAULT_MODULE, { service: VaultModuleService });
export { VaultModuleService };
