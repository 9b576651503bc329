import type { Template } from '../types.ts';
import { ageingMessages } from './ageing.ts';
import { availabilityMessages } from './availability.ts';
import { carriersMessages } from './carriers.ts';
import { catalogMessages } from './catalog.ts';
import { commonMessages } from './common.ts';
import { connectorsMessages } from './connectors.ts';
import { filesMessages } from './files.ts';
import { importMessages } from './import.ts';
import { inventoryMessages } from './inventory.ts';
import { kernelMessages } from './kernel.ts';
import { logisticsMessages } from './logistics.ts';
import { ordersMessages } from './orders.ts';
import { returnsMessages } from './returns.ts';
import { shipmentConfirmationsMessages } from './shipment-confirmations.ts';
import { shippingMessages } from './shipping.ts';
import { shopsMessages } from './shops.ts';
import { trackingMessages } from './tracking.ts';
import { trackingInsightsMessages } from './tracking-insights.ts';

/** Every server message by stable id. Each domain file must give every language (see Template). */
export const messages = {
  ...commonMessages,
  ...kernelMessages,
  ...filesMessages,
  ...catalogMessages,
  ...importMessages,
  ...shopsMessages,
  ...inventoryMessages,
  ...ageingMessages,
  ...ordersMessages,
  ...connectorsMessages,
  ...returnsMessages,
  ...availabilityMessages,
  ...logisticsMessages,
  ...trackingMessages,
  ...trackingInsightsMessages,
  ...shippingMessages,
  ...carriersMessages,
  ...shipmentConfirmationsMessages,
} as const satisfies Record<string, Template>;

export type MessageKey = keyof typeof messages;

/** Every domain file, for the test that no key is defined twice (a later spread silently wins). */
export const messageParts = [
  commonMessages,
  kernelMessages,
  filesMessages,
  catalogMessages,
  importMessages,
  shopsMessages,
  inventoryMessages,
  ageingMessages,
  ordersMessages,
  connectorsMessages,
  returnsMessages,
  availabilityMessages,
  logisticsMessages,
  trackingMessages,
  trackingInsightsMessages,
  shippingMessages,
  carriersMessages,
  shipmentConfirmationsMessages,
] as const;
