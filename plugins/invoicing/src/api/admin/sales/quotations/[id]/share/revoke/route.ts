import { revokeShareLinksRoute } from "../../../../../../../invoicing/revoke-share-links-route";

export const POST = revokeShareLinksRoute("quotation");
