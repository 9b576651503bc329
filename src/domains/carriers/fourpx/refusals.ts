/** 4PX refusals: `result: "0"` with `errors: [{errorCode, errorMsg}]`, read by the shared rules. */
import { isAuthText, isDuplicateText, refusalFromTexts } from '../refusals.ts';
import type { FourPxEnvelope } from './client.ts';

const texts = (env: FourPxEnvelope) => {
  const list = (env.errors ?? []).map((e) => e.errorMsg ?? e.errorCode ?? '').filter(Boolean);
  return list.length ? list : [env.msg ?? ''];
};

export const refusalText = (env: FourPxEnvelope) => texts(env).join('; ');
export const isDuplicateRef = (env: FourPxEnvelope) => isDuplicateText(refusalText(env));
export const isSignatureError = (env: FourPxEnvelope) => isAuthText(refusalText(env));
export const refusalError = (env: FourPxEnvelope) => refusalFromTexts('4PX', texts(env));
