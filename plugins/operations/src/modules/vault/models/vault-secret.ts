import { model } from "@medusajs/framework/utils";

/**
 * One secret owners set in the console, sealed with the key ring's "secrets" key ("vk1.<key id>.…",
 * the secret's name as associated data). The plaintext is never stored; the key never is either.
 */
export const VaultSecret = model.define("vault_secret", {
  id: model.text().primaryKey(),
  name: model.text().unique(),
  sealed: model.text(),
  key_id: model.text(),
  updated_by: model.text().nullable(),
});
