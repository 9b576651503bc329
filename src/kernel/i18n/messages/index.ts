import type { Template } from '../types.ts';
import { ageingMessages } from './ageing.ts';
import { availabilityMessages } from './availability.ts';
import { catalogMessages } from './catalog.ts';
import { commonMessages } from './common.ts';
import { connectorsMessages } from './connectors.ts';
import { filesMessages } from './files.ts';
import { importMessages } from './import.ts';
import { inventoryMessages } from './inventory.ts';
import { kernelMessages } from './kernel.ts';
import { ordersMessages } from './orders.ts';
import { returnsMessages } from './returns.ts';
import { shopsMessages } from './shops.ts';

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
} as const satisfies Record<string, Template>;

export type MessageKey = keyof typeof messages;
