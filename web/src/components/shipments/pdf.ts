import { ApiError } from '../../api';

/**
 * POST a JSON body and open the PDF answer in a new tab (batch labels, pick lists). api.ts parses
 * JSON only, so this reads the body as a blob; errors come back as ApiError like everywhere else.
 */
export async function openPdf(path: string, body: unknown, csrf: string | null | undefined): Promise<void> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/pdf',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(res.status, err?.error?.code ?? 'INTERNAL', err?.error?.message ?? res.statusText);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener';
  a.dataset.testid = 'pdf-link';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
