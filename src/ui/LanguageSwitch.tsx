import { LANGS, type Lang } from '../i18n';
import { useLang, useT } from './hooks';

const NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export function LanguageSwitch({ onChange }: { readonly onChange: (lang: Lang) => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <label className="lang">
      {t('controls.language')}{' '}
      <select value={lang} data-testid="lang" onChange={(e) => onChange(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
