import type { MessageTemplateKind } from "@voltura/domain";
import { m } from "$lib/paraglide/messages.js";

/** What each kind of message is called and when the shop sends it, in the staff member's language. */
export const MESSAGE_KIND_TEXT: Record<MessageTemplateKind, { label: () => string; when: () => string }> = {
  repair_quote: { label: m.settings_messages_kind_repair_quote, when: m.settings_messages_when_repair_quote },
  repair_quote_reminder: { label: m.settings_messages_kind_repair_quote_reminder, when: m.settings_messages_when_repair_quote_reminder },
  repair_quote_approved: { label: m.settings_messages_kind_repair_quote_approved, when: m.settings_messages_when_repair_quote_approved },
  repair_quote_declined: { label: m.settings_messages_kind_repair_quote_declined, when: m.settings_messages_when_repair_quote_declined },
  pickup_reminder: { label: m.settings_messages_kind_pickup_reminder, when: m.settings_messages_when_pickup_reminder },
  quotation_reminder: { label: m.settings_messages_kind_quotation_reminder, when: m.settings_messages_when_quotation_reminder },
  pos_receipt: { label: m.settings_messages_kind_pos_receipt, when: m.settings_messages_when_pos_receipt },
  optout_confirmation: { label: m.settings_messages_kind_optout_confirmation, when: m.settings_messages_when_optout_confirmation },
};

/** What each placeholder stands for. */
export const PLACEHOLDER_TEXT: Record<string, () => string> = {
  nama: m.settings_messages_placeholder_nama,
  model: m.settings_messages_placeholder_model,
  job_number: m.settings_messages_placeholder_job_number,
  shop_name: m.settings_messages_placeholder_shop_name,
  lines: m.settings_messages_placeholder_lines,
  total: m.settings_messages_placeholder_total,
  version: m.settings_messages_placeholder_version,
  quotation_number: m.settings_messages_placeholder_quotation_number,
  valid_until: m.settings_messages_placeholder_valid_until,
  receipt_number: m.settings_messages_placeholder_receipt_number,
};
