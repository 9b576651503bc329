/** Tables of this area, as Kysely sees them (declared by the owner of the migration). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the area's migrations land.
export interface CarriersTables {}
