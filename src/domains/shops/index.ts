/**
 * Shops and people: tenants, users, memberships and roles, sessions, API tokens, the audit log.
 * Other domains use recordAudit, the Actor type and the HTTP guards from here.
 */
export { addMember } from './add-member.ts';
export { createApiToken } from './api-tokens.ts';
export { createShop, findShopBySlug } from './create-shop.ts';
export { registerAuth, requireSession, type ShopContext, shopGuard } from './http/auth.ts';
export { registerAuthRoutes } from './http/auth-routes.ts';
export { registerShopRoutes } from './http/shop-routes.ts';
export { login } from './login.ts';
export { type Permission, permissions, permissionsOf, roles } from './permissions.ts';
export { type Actor, recordAudit, systemActor } from './record-audit.ts';
export type { Role } from './tables.ts';
