import type { Role } from './tables.ts';

export const permissions = [
  'catalog:read',
  'catalog:write',
  'members:manage',
  'tokens:manage',
  'audit:read',
] as const;
export type Permission = (typeof permissions)[number];

export const roles: Role[] = ['owner', 'operator', 'warehouse', 'finance', 'service'];

/** What each role may do. Later domains add their permissions here (orders:write, stock:adjust…). */
const byRole: Record<Role, readonly Permission[]> = {
  owner: permissions,
  operator: ['catalog:read', 'catalog:write'],
  warehouse: ['catalog:read'],
  finance: ['catalog:read', 'audit:read'],
  service: ['catalog:read'],
};

export const permissionsOf = (role: Role): Permission[] => [...byRole[role]];
