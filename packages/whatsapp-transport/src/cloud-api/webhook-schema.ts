import { z } from "zod";

/** The Cloud API webhook envelope: entries per WABA, changes per field. Unknown keys are kept. */
export const cloudWebhookEnvelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account", { error: 'expected object "whatsapp_business_account"' }),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      /** Unix seconds (template and account updates carry it). */
      time: z.number().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export const messagesValueSchema = z.looseObject({
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

const unixSeconds = z.string().regex(/^\d{1,12}$/, "expected unix seconds");

export const messageHeadSchema = z.looseObject({ id: z.string().min(1), from: z.string(), timestamp: unixSeconds, type: z.string() });

export const mediaObjectSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

export const inboundBodySchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text"), text: z.looseObject({ body: z.string() }) }),
  z.looseObject({ type: z.literal("image"), image: mediaObjectSchema }),
  z.looseObject({ type: z.literal("video"), video: mediaObjectSchema }),
  z.looseObject({ type: z.literal("audio"), audio: mediaObjectSchema }),
  z.looseObject({ type: z.literal("document"), document: mediaObjectSchema }),
  z.looseObject({ type: z.literal("sticker"), sticker: mediaObjectSchema }),
  z.looseObject({
    type: z.literal("interactive"),
    interactive: z.discriminatedUnion("type", [
      z.looseObject({ type: z.literal("button_reply"), button_reply: z.looseObject({ id: z.string().min(1), title: z.string() }) }),
      z.looseObject({ type: z.literal("list_reply"), list_reply: z.looseObject({ id: z.string().min(1), title: z.string() }) }),
    ]),
  }),
  z.looseObject({ type: z.literal("button"), button: z.looseObject({ payload: z.string().optional(), text: z.string() }) }),
]);

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().int(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export const qualityUpdateSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  event: z.string(),
  current_limit: z.string().optional(),
});

export const accountUpdateSchema = z.looseObject({
  phone_number: z.string().optional(),
  event: z.string(),
  restriction_info: z.array(z.looseObject({ restriction_type: z.string(), expiration: z.union([z.string(), z.number()]).optional() })).optional(),
});

export const templateStatusUpdateSchema = z.looseObject({
  event: z.string(),
  message_template_id: z.union([z.string(), z.number()]).optional(),
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.string().nullable().optional(),
});
