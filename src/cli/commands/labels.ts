import type { Command } from 'commander';
import type { GlobalFlags } from '../context.ts';

/** `cunkou labels print` and shipment documents. */
export function registerLabelCommands(_program: Command, _flags: () => GlobalFlags) {}
