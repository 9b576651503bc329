/**
 * Storefront: the shop's own public pages, server-rendered. For now a catalogue page per shop
 * listing its active products in the visitor's language; checkout comes with the storefront issue.
 */
export { registerStorefront } from './storefront-routes.ts';
