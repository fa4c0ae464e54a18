import { z } from "zod";
import { newPasswordSchema, refinePasswordField, staffRoleSchema } from "@voltura/domain";

export const listStaffQuerySchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const createStaffBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid email"),
    name: z.string().trim().min(1, "Name is required").max(120),
    role: staffRoleSchema,
    password: newPasswordSchema,
  })
  // The password policy (length, common passwords, not the email's or the name's words).
  .superRefine(refinePasswordField<{ email: string; name: string; password: string }>("password"));
export type CreateStaffBody = z.infer<typeof createStaffBodySchema>;

export const updateStaffBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: staffRoleSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.role !== undefined || b.active !== undefined, "Nothing to change");
export type UpdateStaffBody = z.infer<typeof updateStaffBodySchema>;
