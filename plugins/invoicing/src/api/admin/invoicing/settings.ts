import type { DocumentTemplate, DocumentType, EInvoiceProfile } from "@voltura/contracts";
import type { TemplateRow } from "../../../workflows/steps/documents";
import type { ProfileRow } from "./einvoice";

export function toApiTemplate(row: TemplateRow): DocumentTemplate {
  return {
    type: row.id as DocumentType, header: row.header, footer: row.footer, terms: row.terms, accent_colour: row.accent_colour,
    has_logo: Boolean(row.logo_base64),
  };
}

export function toApiProfile(row: ProfileRow | null): EInvoiceProfile {
  if (!row) return { tin: "", msic_code: "95120", msic_name: "Repair of communication equipment", city: "", postcode: "", state_code: "14", configured: false };
  return { tin: row.tin, msic_code: row.msic_code, msic_name: row.msic_name, city: row.city, postcode: row.postcode, state_code: row.state_code, configured: true };
}

/** PNG or JPEG by magic bytes. */
export function isImageBase64(value: string): boolean {
  const b = Buffer.from(value, "base64");
  return (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8);
}
