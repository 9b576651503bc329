import { createHash } from 'node:crypto';

export type EntityType = 'product' | 'variant';

/** One translatable piece of source text (in the shop's source language). */
export interface SourceField {
  entityType: EntityType;
  entityId: string;
  field: string;
  source: string;
  format: 'text' | 'html' | 'list';
}

export const productFieldNames = [
  'title',
  'descriptionHtml',
  'bulletPoints',
  'seoTitle',
  'seoDescription',
] as const;

export const sourceHash = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 32);

interface ProductSource {
  id: string;
  title: string;
  descriptionHtml: string;
  bulletPoints: string[];
  seoTitle: string | null;
  seoDescription: string | null;
  variants: { id: string; optionValues: Record<string, string> }[];
}

/**
 * The fields of a product that can be translated and have source text. Bullet points are one
 * field holding a JSON array (they are reviewed together); a variant's title is its option values.
 */
export function sourceFields(p: ProductSource): SourceField[] {
  const fields: SourceField[] = [
    { entityType: 'product', entityId: p.id, field: 'title', source: p.title, format: 'text' },
  ];
  if (p.descriptionHtml.trim())
    fields.push({
      entityType: 'product',
      entityId: p.id,
      field: 'descriptionHtml',
      source: p.descriptionHtml,
      format: 'html',
    });
  if (p.bulletPoints.length)
    fields.push({
      entityType: 'product',
      entityId: p.id,
      field: 'bulletPoints',
      source: JSON.stringify(p.bulletPoints),
      format: 'list',
    });
  if (p.seoTitle)
    fields.push({
      entityType: 'product',
      entityId: p.id,
      field: 'seoTitle',
      source: p.seoTitle,
      format: 'text',
    });
  if (p.seoDescription)
    fields.push({
      entityType: 'product',
      entityId: p.id,
      field: 'seoDescription',
      source: p.seoDescription,
      format: 'text',
    });
  for (const v of p.variants) {
    const title = Object.values(v.optionValues).join(' / ');
    if (title)
      fields.push({ entityType: 'variant', entityId: v.id, field: 'title', source: title, format: 'text' });
  }
  return fields;
}

export const fieldKey = (f: { entityType: string; entityId: string; field: string }) =>
  `${f.entityType}:${f.entityId}:${f.field}`;
