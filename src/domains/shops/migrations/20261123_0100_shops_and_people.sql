-- Shops are the tenants; users are people who may belong to several shops.
CREATE TABLE shops (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL,
  source_locale text NOT NULL DEFAULT 'zh-CN',
  target_locales text[] NOT NULL DEFAULT '{}',
  default_currency char(3) NOT NULL DEFAULT 'USD',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'zh-CN',
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Membership rows are read at login across shops, so they sit with the identity tables and are
-- scoped by code rather than by the tenant policy.
CREATE TABLE memberships (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner','operator','warehouse','finance','service')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Looked up by hash before the shop is known, hence no tenant policy; shop_id still leads the key.
CREATE TABLE api_tokens (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE audit_log (
  shop_id uuid NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_token_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (shop_id, entity_id, id DESC);
SELECT cunkou_enable_tenant_rls('audit_log');
