import type { MedusaContainer } from "@medusajs/framework/types";
import type { DocumentShareLinkAnswer } from "@voltura/contracts";
import { invoicingService } from "../workflows/steps/context";
import { readShareToken, shareKey, shareLinkDays, signShareToken, type ShareKind } from "../domain/share-link";

interface LinkRow {
  id: string;
  document_kind: ShareKind;
  document_id: string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  created_by: string | null;
  created_at: Date | string;
}

const iso = (v: Date | string | null): string | null => (v ? new Date(v).toISOString() : null);

export function toApiShareLink(row: LinkRow, now: Date = new Date()): DocumentShareLinkAnswer {
  const expiresAt = new Date(row.expires_at);
  return {
    id: row.id,
    document_kind: row.document_kind,
    document_id: row.document_id,
    created_at: iso(row.created_at)!,
    created_by: row.created_by,
    expires_at: expiresAt.toISOString(),
    revoked_at: iso(row.revoked_at),
    revoked_by: row.revoked_by,
    active: !row.revoked_at && expiresAt.getTime() >= now.getTime(),
  };
}

/** Records a new link for the document and signs its token (the token names the row). */
export async function issueShareLink(container: MedusaContainer, kind: ShareKind, documentId: string, createdBy: string | null) {
  const expiresAt = new Date(Date.now() + shareLinkDays() * 86_400_000);
  const row = await invoicingService(container).createDocumentShareLinks({
    document_kind: kind, document_id: documentId, expires_at: expiresAt, created_by: createdBy,
  });
  return { token: signShareToken({ linkId: row.id, kind, id: documentId, expiresAt }, shareKey()), expiresAt, linkId: row.id };
}

export type OpenedLink = { status: "open"; kind: ShareKind; id: string } | { status: "gone"; why: "expired" | "revoked" } | { status: "unknown" };

/**
 * What a token opens: the document while its link row is live; `gone` once the link expired or was
 * revoked; `unknown` for anything forged, altered or signed with another key (the raw JWT_SECRET).
 */
export async function openShareLink(container: MedusaContainer, token: string, now: Date = new Date()): Promise<OpenedLink> {
  const read = readShareToken(token, shareKey(), now);
  if (read.status === "invalid") return { status: "unknown" };
  const [row] = await invoicingService(container).listDocumentShareLinks({ id: read.linkId }, { take: 1 });
  if (!row || row.document_kind !== read.kind || row.document_id !== read.id) return { status: "unknown" };
  if (row.revoked_at) return { status: "gone", why: "revoked" };
  if (read.status === "expired" || new Date(row.expires_at).getTime() < now.getTime()) return { status: "gone", why: "expired" };
  return { status: "open", kind: read.kind, id: read.id };
}

export async function listShareLinks(container: MedusaContainer, kind: ShareKind, documentId: string): Promise<DocumentShareLinkAnswer[]> {
  const rows = await invoicingService(container).listDocumentShareLinks(
    { document_kind: kind, document_id: documentId },
    { order: { created_at: "DESC" }, take: 100 },
  );
  return rows.map((r) => toApiShareLink(r));
}
