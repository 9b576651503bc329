import type { Template } from '../types.ts';

/** Messages of src/domains/tracking/insights (exceptions worklist, transit performance). */
export const trackingInsightsMessages = {} as const satisfies Record<string, Template>;
