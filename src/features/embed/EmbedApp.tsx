import { useEffect } from 'react';
import { EmbedScreen } from './EmbedScreen';
import { useDocumentPrefs } from '../../app/use-document-prefs';
import { startEmbed } from './start-embed';

/** embed.html's root: starts the embed once, keeps theme, language and motion on the document. */
export function EmbedApp() {
  useDocumentPrefs();
  useEffect(() => {
    startEmbed();
  }, []);
  return <EmbedScreen />;
}
