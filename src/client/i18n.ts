import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, localeSchema } from '../shared/roles.ts';
import en from './locales/en.json';
import bookEn from './locales/pairs/book.en.json';
import bookSv from './locales/pairs/book.sv.json';
import lifecycleEn from './locales/pairs/lifecycle.en.json';
import lifecycleSv from './locales/pairs/lifecycle.sv.json';
import meetingsEn from './locales/pairs/meetings.en.json';
import meetingsSv from './locales/pairs/meetings.sv.json';
import planEn from './locales/pairs/plan.en.json';
import planSv from './locales/pairs/plan.sv.json';
import sv from './locales/sv.json';

// The pair's year keeps its texts in a file per part (top-level keys pair, plan, meetings, book).
const resources = {
  sv: { translation: { ...sv, ...lifecycleSv, ...planSv, ...meetingsSv, ...bookSv } },
  en: { translation: { ...en, ...lifecycleEn, ...planEn, ...meetingsEn, ...bookEn } },
};

const storageKey = 'bollplank.locale';

function storedLocale(): Locale {
  const parsed = localeSchema.safeParse(localStorage.getItem(storageKey));
  return parsed.success ? parsed.data : 'sv';
}

/** The interface language as one of the supported locales. */
export function currentLocale(): Locale {
  const parsed = localeSchema.safeParse(i18next.language);
  return parsed.success ? parsed.data : 'sv';
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  localStorage.setItem(storageKey, locale);
  await i18next.changeLanguage(locale);
}

function syncDocument(language: string): void {
  document.documentElement.lang = language;
  // The skip link lives in index.html, outside React, so its text is set here.
  const skipLink = document.getElementById('skip-link');
  if (skipLink) skipLink.textContent = i18next.t('common.skipToContent');
}

i18next.on('languageChanged', syncDocument);

await i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export default i18next;
