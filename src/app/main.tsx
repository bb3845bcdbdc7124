import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOffline } from '../features/offline/register';
import { loadLocale } from '../i18n';
import { prefsStore } from '../store/prefs-store';
import { markOpeningLesson, readUrl, startSim } from './start';

markOpeningLesson();
// The machine boots (and a lesson's replay runs in the worker) while React draws the page, not
// after its first render has committed (issue 14: a deep link's time).
startSim();

/**
 * The language the address asks for is there before the first paint: English drawn first and
 * replaced by Spanish a moment later moved the page (issue 14: a layout shift of 0.27). If its
 * strings cannot load (offline, not cached), the page opens in English.
 */
async function firstLanguage(): Promise<void> {
  const lang = readUrl(location.search).lang;
  if (lang !== 'es') return;
  try {
    await loadLocale(lang);
    prefsStore.setState({ lang });
  } catch {
    // English it is; the switch still offers Spanish.
  }
}

const root = document.getElementById('root');
if (root) {
  const app = createRoot(root);
  void firstLanguage().then(() =>
    // A transition: React draws the first screen in slices the browser may interrupt, not in one
    // long task (issue 14: a slow laptop's total blocking time).
    startTransition(() =>
      app.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );
}

registerOffline();
