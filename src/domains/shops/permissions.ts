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
] as const;
export type Permission = (typeof permissions)[number];

export const roles: Role[] = ['owner', 'operator', 'warehouse', 'finance', 'service'];

/**
 * What each role may do. Operators run the catalog and orders; the warehouse moves stock and
 * sees orders to ship them; finance reads everything it reconciles; service handles orders and
 * returns for buyers. channels:manage connects channel APIs (credentials) and pushes stock to
 * channels, which the owner and operators do in seller ERPs. Later domains add theirs here.
 */
const byRole: Record<Role, readonly Permission[]> = {
  owner: permissions,
  operator: ['catalog:read', 'catalog:write', 'orders:read', 'orders:write', 'stock:read', 'channels:manage'],
  warehouse: ['catalog:read', 'orders:read', 'stock:read', 'stock:write'],
  finance: ['catalog:read', 'audit:read', 'orders:read', 'stock:read'],
  service: ['catalog:read', 'orders:read', 'orders:write', 'stock:read'],
};

export const permissionsOf = (role: Role): Permission[] => [...byRole[role]];
