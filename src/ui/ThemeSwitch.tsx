import { useStore } from 'zustand';
import { prefsStore, setPrefs, type Theme } from '../store/prefs-store';
import { useT } from './hooks';

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

export function ThemeSwitch() {
  const t = useT();
  const theme = useStore(prefsStore, (s) => s.theme);
  return (
    <label className="theme">
      {t('theme.label')}{' '}
      <select
        value={theme}
        data-testid="theme"
        onChange={(e) => setPrefs({ theme: e.target.value as Theme })}
      >
        {THEMES.map((x) => (
          <option key={x} value={x}>
            {t(`theme.${x}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
