import { lazy, Suspense, useCallback } from 'react';
import { loadLocale, type Lang } from '../i18n';
import { prefsStore } from '../store/prefs-store';
import { MainScreen } from '../ui/MainScreen';
import { readPresenterRoute } from '../features/presenter/route';
import { useDocumentPrefs } from './use-document-prefs';

/** The window on the projector in presenter mode (`?audience=<session>`): loaded only there. */
const AudienceScreen = lazy(() => import('../features/presenter/AudienceScreen'));
const audience = readPresenterRoute(location.search).mode === 'audience';

export function App() {
  useDocumentPrefs();
  // The address's language is set, and the machine started, before the first render (main.tsx).
  const onLang = useCallback((l: Lang) => void changeLang(l), []);
  if (audience) {
    return (
      <Suspense fallback={null}>
        <AudienceScreen />
      </Suspense>
    );
  }
  return <MainScreen onLang={onLang} />;
}

async function changeLang(lang: Lang): Promise<void> {
  await loadLocale(lang);
  prefsStore.setState({ lang });
}
