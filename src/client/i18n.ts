import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, localeSchema } from '../shared/roles.ts';
import en from './locales/en.json';
import sv from './locales/sv.json';

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
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export default i18next;
