import type { Role } from './tables.ts';

export const permissions = [
  'catalog:read',
  'catalog:write',
  'members:manage',
  'tokens:manage',
  'audit:read',
  'orders:read',
  'orders:write',
  'stock:read',
  'stock:write',
  'channels:manage',
  'shipping:read',
  'shipping:write',
  'logistics:manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roles: Role[] = ['owner', 'operator', 'warehouse', 'finance', 'service'];

/**
 * What each role may do. Operators run the catalog and orders; the warehouse moves stock and
 * sees orders to ship them; finance reads everything it reconciles; service handles orders and
 * returns for buyers. channels:manage connects channel APIs (credentials) and pushes stock to
 * channels, which the owner and operators do in seller ERPs. shipping:write packs, labels and
 * ships parcels and records tracking (operators and the warehouse); logistics:manage sets up
 * services, rate cards, assignment rules and carrier API accounts (owner and operators).
 */
const byRole: Record<Role, readonly Permission[]> = {
  owner: permissions,
  operator: [
    'catalog:read',
    'catalog:write',
    'orders:read',
    'orders:write',
    'stock:read',
    'channels:manage',
    'shipping:read',
    'shipping:write',
    'logistics:manage',
  ],
  warehouse: ['catalog:read', 'orders:read', 'stock:read', 'stock:write', 'shipping:read', 'shipping:write'],
  finance: ['catalog:read', 'audit:read', 'orders:read', 'stock:read', 'shipping:read'],
  service: ['catalog:read', 'orders:read', 'orders:write', 'stock:read', 'shipping:read'],
};

export const permissionsOf = (role: Role): Permission[] => [...byRole[role]];
