// The database type is the union of every domain's tables. Each domain owns and declares its own;
// this is the one place they meet, so Kysely can type-check queries end to end.
import type { AvailabilityTables } from '../../domains/availability/tables.ts';
import type { CarriersTables } from '../../domains/carriers/tables.ts';
import type { CatalogTables } from '../../domains/catalog/tables.ts';
import type { ShipmentConfirmationTables } from '../../domains/connectors/confirm-shipments/tables.ts';
import type { ConnectorsTables } from '../../domains/connectors/tables.ts';
import type { InventoryTables } from '../../domains/inventory/tables.ts';
import type { LogisticsTables } from '../../domains/logistics/tables.ts';
import type { OrdersTables } from '../../domains/orders/tables.ts';
import type { ReturnsTables } from '../../domains/returns/tables.ts';
import type { ShippingTables } from '../../domains/shipping/tables.ts';
import type { ShopsTables } from '../../domains/shops/tables.ts';
import type { TrackingInsightsTables } from '../../domains/tracking/insights/tables.ts';
import type { TrackingTables } from '../../domains/tracking/tables.ts';

export interface DB
  extends ShopsTables,
    CatalogTables,
    InventoryTables,
    OrdersTables,
    ReturnsTables,
    ConnectorsTables,
    AvailabilityTables,
    LogisticsTables,
    TrackingTables,
    TrackingInsightsTables,
    ShippingTables,
    CarriersTables,
    ShipmentConfirmationTables {}
