// Available-to-sell per channel account: src/domains/availability.
export interface StockOverride {
  channelSku: string;
  bufferUnits: number | null;
  bufferPercent: number | null;
  cap: number | null;
  fixedQuantity: number | null;
  doNotSync: boolean;
}

export interface ChannelStockRules {
  accountId: string;
  warehouseIds: string[] | null;
  bufferUnits: number;
  bufferPercent: number;
  sharePercent: number;
  cap: number | null;
  listing: 'known' | 'catalog';
  saved: boolean;
  updatedAt: string | null;
  overrides: StockOverride[];
}

export interface AvailableStockRow {
  channelSku: string;
  mappedBy: 'account' | 'shop' | 'sku' | null;
  status: 'ok' | 'unmapped' | 'do_not_sync';
  components: {
    variantId: string;
    sku: string;
    quantity: number;
    available: number;
    byWarehouse: Record<string, number>;
  }[];
  pool: number;
  quantity: number | null;
  override: Omit<StockOverride, 'channelSku'> | null;
  lastPushed: { quantity: number; at: string; source: 'api' | 'file' } | null;
  lastAttempt: { outcome: 'ok' | 'refused'; quantity: number; at: string; message: string | null } | null;
  changed: boolean;
}

export interface AvailableStockPage {
  items: AvailableStockRow[];
  nextCursor: string | null;
  rules: Omit<ChannelStockRules, 'overrides'>;
  warehouses: { id: string; code: string; name: string; kind: string; country: string }[];
}

export interface StockPushResult {
  sent: number;
  accepted: number;
  refused: number;
  outcomes: { channelSku: string; quantity: number; ok: boolean; message: string | null }[];
}

export interface ChannelStockFile {
  id: string;
  format: 'amazon' | 'shopee';
  createdAt: string;
  uploadedAt: string | null;
  items: number;
}
