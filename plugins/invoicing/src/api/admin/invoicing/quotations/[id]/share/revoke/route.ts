import { revokeShareLinksRoute } from "../../../../revoke-share-links-route";

export const POST = revokeShareLinksRoute("quotation");
