import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../types';
import en from './en.json';
import zhCN from './zh-CN.json';

type Messages = { [key: string]: string | Messages };

/**
 * Each feature area may keep its strings in `areas/<area>.<locale>.json` (top-level keys must be
 * new); they are merged over the base catalogs so areas never edit one shared file.
 */
const areaFiles = import.meta.glob<Messages>('./areas/*.json', { eager: true, import: 'default' });
function withAreas(base: Messages, locale: string): Messages {
  const merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(areaFiles)) {
    if (path.endsWith(`.${locale}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

export const LOCALE_KEY = 'cunkou.locale';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'zh-CN' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** Chinese first: English only when the browser asks for nothing but English. */
function browserLocale(): Locale {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  const englishOnly = langs.length > 0 && langs.every((l) => l.toLowerCase().startsWith('en'));
  return englishOnly ? 'en' : 'zh-CN';
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function changeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: withAreas(zhCN, 'zh-CN') }, en: { translation: withAreas(en, 'en') } },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
