/**
 * Product images are public (the storefront shows them), so they are served from /media without a
 * session; their keys contain random ids and cannot be enumerated.
 */
export const imageUrls = (storageBase: string) => ({
  url: `/media/${storageBase}/large.webp`,
  thumbUrl: `/media/${storageBase}/thumb.webp`,
});
