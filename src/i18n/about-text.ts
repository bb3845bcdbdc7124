import en from './en/about.json';
import es from './es/about.json';
import { tableText } from './table-text';

/**
 * The About page's text (`src/i18n/<lang>/about.json`). Only the About dialog imports this file,
 * and that dialog is a lazy chunk: the main bundle carries none of this text.
 */
export type AboutKey = keyof typeof en;

/** A string with `{placeholders}` filled; English when the language lacks it. */
export const aboutText = tableText<AboutKey>(en, es);
