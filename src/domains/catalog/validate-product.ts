import sanitizeHtml from 'sanitize-html';
import { isCountryCode } from '../../kernel/countries.ts';
import { type FieldIssue, issue } from '../../kernel/errors.ts';
import { validateGtin } from '../../kernel/gtin.ts';
import { validateHsCode } from '../../kernel/hs-code.ts';
import type { ProductInput, VariantInput } from './product-schema.ts';

/** Rich text from sellers (and translators) is reduced to formatting tags; scripts and handlers go. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'i',
      'u',
      'ul',
      'ol',
      'li',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'span',
      'a',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: { a: ['href', 'title'], span: ['translate'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
}

/**
 * Check one variant's trade data and normalise it in place (GTIN digits, HS code digits).
 * `field` names the issue's field the way the caller shows it (API path or spreadsheet column).
 */
export function checkVariant(v: VariantInput, field: (key: string) => string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.gtin) {
    const r = validateGtin(v.gtin);
    if (r.ok) v.gtin = r.normalized;
    else issues.push(issue(field('gtin'), 'variant.gtinInvalid', { value: v.gtin, reason: r.why }));
  }
  if (v.hsCode) {
    const r = validateHsCode(v.hsCode);
    if (r.ok) v.hsCode = r.normalized;
    else issues.push(issue(field('hsCode'), 'variant.hsCodeInvalid', { value: v.hsCode, reason: r.why }));
  }
  if (v.originCountry && !isCountryCode(v.originCountry)) {
    issues.push(issue(field('originCountry'), 'variant.countryInvalid', { value: v.originCountry }));
  }
  if (v.priceMinor != null && !v.priceCurrency) {
    issues.push(issue(field('priceCurrency'), 'variant.priceNeedsCurrency'));
  }
  return issues;
}

/** SKUs used twice within one product, reported on the later variant. SKUs are case-sensitive, as on the marketplaces and in the unique index. */
export function duplicateSkuIssues(input: ProductInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  input.variants.forEach((v, i) => {
    const key = v.sku;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue(`variants.${i}.sku`, 'product.skuTwiceInProduct', { sku: v.sku, other: first + 1 }));
    } else seen.set(key, i);
  });
  return issues;
}

/** Whole-product checks for the API: options and each variant (duplicate SKUs: duplicateSkuIssues). */
export function validateProduct(input: ProductInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.variants.forEach((v, i) => {
    issues.push(...checkVariant(v, (k) => `variants.${i}.${k}`));
    for (const name of Object.keys(v.optionValues)) {
      if (!input.options.some((o) => o.name === name)) {
        issues.push(issue(`variants.${i}.optionValues.${name}`, 'product.notAnOption', { name }));
      }
    }
  });
  input.descriptionHtml = sanitizeDescription(input.descriptionHtml);
  return issues;
}
