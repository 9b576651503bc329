import type { Command } from 'commander';
import type { GlobalFlags } from '../context.ts';

/** `cunkou track check|import|show`: tracking numbers and events. */
export function registerTrackCommands(_program: Command, _flags: () => GlobalFlags) {}
