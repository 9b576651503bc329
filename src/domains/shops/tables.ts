import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ShopsTable {
  id: string;
  slug: string;
  name: string;
  source_locale: Generated<string>;
  target_locales: Generated<string[]>;
  default_currency: Generated<string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Timestamp;
}

export type Role = 'owner' | 'operator' | 'warehouse' | 'finance' | 'service';

export interface MembershipsTable {
  shop_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface ApiTokensTable {
  shop_id: string;
  id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  shop_id: string;
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_token_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: ColumnType<unknown, string, string>;
}

export interface ShopsTables {
  shops: ShopsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
}
