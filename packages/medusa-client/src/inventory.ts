import { z } from "zod";
import { type CommerceClient } from "./client.js";
import { queryParams as qs } from "./query-string.js";
import {
  type ListInventoryLevelsQuery,
  type UpdateStockItemBody,
  type SupplierBody,
  type UpdateSupplierBody,
  type SupplierItemBody,
  type CreatePurchaseOrderBody,
  type UpdatePurchaseOrderBody,
  type ReceivePurchaseOrderBody,
  type CreateStockAdjustmentBody,
  type CreateStockTakeBody,
  type RecordStockTakeCountBody,
  inventoryLevelListSchema,
  stockMovementSchema,
  stockItemDetailSchema,
  supplierSchema,
  purchaseOrderSchema,
  stockTakeSchema,
  ledgerCheckSchema,
} from "@voltura/contracts";

const enc = encodeURIComponent;

/** The inventory routes, over a CommerceClient (console server side). */
export class InventoryApi {
  constructor(private readonly client: CommerceClient) {}

  listLevels(query: ListInventoryLevelsQuery = {}) {
    return this.client.request("GET", `/admin/inventory/levels?${qs(query)}`, inventoryLevelListSchema);
  }
  getItem(inventoryItemId: string) {
    return this.client.request("GET", `/admin/inventory/items/${enc(inventoryItemId)}`, stockItemDetailSchema);
  }
  updateItem(inventoryItemId: string, body: UpdateStockItemBody) {
    return this.client.request("POST", `/admin/inventory/items/${enc(inventoryItemId)}`, stockItemDetailSchema, body);
  }
  async listSuppliers(q?: string) {
    return (await this.client.request("GET", `/admin/inventory/suppliers?${qs({ q })}`, z.object({ suppliers: z.array(supplierSchema) }))).suppliers;
  }
  async createSupplier(body: SupplierBody) {
    return (await this.client.request("POST", "/admin/inventory/suppliers", z.object({ supplier: supplierSchema }), body)).supplier;
  }
  async updateSupplier(supplierId: string, body: UpdateSupplierBody) {
    return (await this.client.request("POST", `/admin/inventory/suppliers/${enc(supplierId)}`, z.object({ supplier: supplierSchema }), body)).supplier;
  }
  async deleteSupplier(supplierId: string) {
    await this.client.request("DELETE", `/admin/inventory/suppliers/${enc(supplierId)}`, z.object({ id: z.string(), deleted: z.boolean() }));
  }
  async setSupplierItem(supplierId: string, body: SupplierItemBody) {
    return (await this.client.request("POST", `/admin/inventory/suppliers/${enc(supplierId)}/items`, z.object({ supplier: supplierSchema }), body)).supplier;
  }
  async removeSupplierItem(supplierId: string, itemId: string) {
    return (await this.client.request("DELETE", `/admin/inventory/suppliers/${enc(supplierId)}/items/${enc(itemId)}`, z.object({ supplier: supplierSchema }))).supplier;
  }
  async listPurchaseOrders(query: { status?: string; supplier_id?: string } = {}) {
    return (await this.client.request("GET", `/admin/inventory/purchase-orders?${qs(query)}`, z.object({ purchase_orders: z.array(purchaseOrderSchema) }))).purchase_orders;
  }
  async getPurchaseOrder(poId: string) {
    return (await this.client.request("GET", `/admin/inventory/purchase-orders/${enc(poId)}`, z.object({ purchase_order: purchaseOrderSchema }))).purchase_order;
  }
  async createPurchaseOrder(body: CreatePurchaseOrderBody) {
    return (await this.client.request("POST", "/admin/inventory/purchase-orders", z.object({ purchase_order: purchaseOrderSchema }), body)).purchase_order;
  }
  async updatePurchaseOrder(poId: string, body: UpdatePurchaseOrderBody) {
    return (await this.client.request("POST", `/admin/inventory/purchase-orders/${enc(poId)}`, z.object({ purchase_order: purchaseOrderSchema }), body)).purchase_order;
  }
  async sendPurchaseOrder(poId: string) {
    return (await this.client.request("POST", `/admin/inventory/purchase-orders/${enc(poId)}/send`, z.object({ purchase_order: purchaseOrderSchema }), {})).purchase_order;
  }
  async receivePurchaseOrder(poId: string, body: ReceivePurchaseOrderBody) {
    return (await this.client.request("POST", `/admin/inventory/purchase-orders/${enc(poId)}/receive`, z.object({ purchase_order: purchaseOrderSchema }), body)).purchase_order;
  }
  async cancelPurchaseOrder(poId: string) {
    return (await this.client.request("POST", `/admin/inventory/purchase-orders/${enc(poId)}/cancel`, z.object({ purchase_order: purchaseOrderSchema }), {})).purchase_order;
  }
  async listAdjustments() {
    return (await this.client.request("GET", "/admin/inventory/adjustments", z.object({ adjustments: z.array(stockMovementSchema.extend({ title: z.string().nullable(), sku: z.string().nullable() })) }))).adjustments;
  }
  async createAdjustment(body: CreateStockAdjustmentBody) {
    return (await this.client.request("POST", "/admin/inventory/adjustments", z.object({ adjustment: stockMovementSchema }), body)).adjustment;
  }
  async listStockTakes() {
    return (await this.client.request("GET", "/admin/inventory/stock-takes", z.object({ stock_takes: z.array(stockTakeSchema) }))).stock_takes;
  }
  async getStockTake(takeId: string) {
    return (await this.client.request("GET", `/admin/inventory/stock-takes/${enc(takeId)}`, z.object({ stock_take: stockTakeSchema }))).stock_take;
  }
  async createStockTake(body: CreateStockTakeBody) {
    return (await this.client.request("POST", "/admin/inventory/stock-takes", z.object({ stock_take: stockTakeSchema }), body)).stock_take;
  }
  async recordStockTakeCount(takeId: string, body: RecordStockTakeCountBody) {
    return (await this.client.request("POST", `/admin/inventory/stock-takes/${enc(takeId)}/counts`, z.object({ stock_take: stockTakeSchema }), body)).stock_take;
  }
  async postStockTake(takeId: string) {
    return (await this.client.request("POST", `/admin/inventory/stock-takes/${enc(takeId)}/post`, z.object({ stock_take: stockTakeSchema }), {})).stock_take;
  }
  async cancelStockTake(takeId: string) {
    return (await this.client.request("POST", `/admin/inventory/stock-takes/${enc(takeId)}/cancel`, z.object({ stock_take: stockTakeSchema }), {})).stock_take;
  }
  ledgerCheck() {
    return this.client.request("GET", "/admin/inventory/ledger-check", ledgerCheckSchema);
  }
}
