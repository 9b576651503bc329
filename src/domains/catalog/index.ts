/**
 * Catalog: products, options and variants with trade data (HS codes, declared names, dangerous
 * goods), categories, images, translations (glossary, memory, machine providers), and bulk
 * import/export of product sheets. Other domains read products through getProduct/listProducts.
 */
import type { App } from '../../platform/http/app.ts';
import type { Deps } from '../../server.ts';
import { registerImageRoutes } from './http/image-routes.ts';
import { registerImportRoutes } from './http/import-routes.ts';
import { registerProductRoutes } from './http/product-routes.ts';
import { registerTranslationRoutes } from './http/translation-routes.ts';

export { ensureCategoryPath } from './categories.ts';
export { getProduct, type Product } from './get-product.ts';
export { uploadProductImage } from './images/upload-image.ts';
export { exportProducts } from './import/export-products.ts';
export { runProductImport } from './import/run-import.ts';
export { suggestMapping } from './import/target-fields.ts';
export { listProducts } from './list-products.ts';
export { type ProductInput, productInputSchema } from './product-schema.ts';
export { saveProduct } from './save-product.ts';
export { saveTranslations } from './translation/save-translations.ts';

export function registerCatalog(app: App, deps: Deps) {
  registerProductRoutes(app, deps.database.db);
  registerImageRoutes(app, deps);
  registerTranslationRoutes(app, deps);
  registerImportRoutes(app, deps);
}
