import { defineLink } from "@medusajs/framework/utils";
import OrderModule from "@medusajs/medusa/order";
import PosModule from "../modules/pos/index";

/** A counter sale is carried by one Medusa order in the Counter sales channel. */
export default defineLink(PosModule.linkable.posSale, OrderModule.linkable.order);
