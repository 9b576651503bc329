/** Tables of this area, as Kysely sees them (declared by the owner of the migration). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const supportedCarriers = ['4px', 'yunexpress'] as const;
export type SupportedCarrier = (typeof supportedCarriers)[number];
export const environments = ['sandbox', 'production'] as const;
export type Environment = (typeof environments)[number];

export interface CarrierAccountsTable {
  shop_id: string;
  id: string;
  carrier: SupportedCarrier;
  name: string;
  environment: Environment;
  base_url: string | null;
  product_code: string;
  credentials_sealed: string;
  credential_hints: Json<Record<string, string>>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  last_test_at: Date | null;
  last_test_ok: boolean | null;
  last_test_message: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CarrierLabelsTable {
  shop_id: string;
  id: string;
  idempotency_key: string;
  account_id: string;
  carrier: string;
  customer_ref: string;
  carrier_order_id: string;
  tracking_number: string;
  last_mile_carrier: string | null;
  last_mile_number: string | null;
  label_file_key: string;
  status: ColumnType<'bought' | 'cancelled', 'bought' | 'cancelled' | undefined, 'bought' | 'cancelled'>;
  cancelled_at: Date | null;
  created_at: Timestamp;
}

export interface CarriersTables {
  carrier_accounts: CarrierAccountsTable;
  carrier_labels: CarrierLabelsTable;
}
