import type { Template } from '../types.ts';
import { catalogMessages } from './catalog.ts';
import { commonMessages } from './common.ts';
import { filesMessages } from './files.ts';
import { importMessages } from './import.ts';
import { inventoryMessages } from './inventory.ts';
import { kernelMessages } from './kernel.ts';
import { ordersMessages } from './orders.ts';
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
  ...ordersMessages,
} as const satisfies Record<string, Template>;

export type MessageKey = keyof typeof messages;
