// Channel API connections (connectors area).
export interface SyncRun {
  id: string;
  trigger: 'schedule' | 'manual' | 'cli';
  status: 'running' | 'ok' | 'failed' | 'throttled';
  startedAt: string;
  finishedAt: string | null;
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errorKey: string | null;
  error: string | null;
}

export interface ChannelConnection {
  accountId: string;
  channel: string;
  provider: 'shopee' | 'amazon' | null;
  configured: boolean;
  credentials: Record<string, string>;
  authorised: boolean;
  remoteShopId: string | null;
  tokenExpiresAt: string | null;
  syncIntervalMinutes: number;
  syncedUpTo: string | null;
  resumePending: boolean;
  lastRun: SyncRun | null;
}
