import type { Command } from 'commander';
import type { GlobalFlags } from '../context.ts';

/** `cunkou rates quote`, rate card import: rate shopping over the shop's logistics services. */
export function registerRateCommands(_program: Command, _flags: () => GlobalFlags) {}
