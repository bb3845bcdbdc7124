import en from './en/home.json';
import es from './es/home.json';
import { tableText } from './table-text';

/**
 * The "start here" panel's and the legend's text (`src/i18n/<lang>/home.json`). Only the main
 * screen shows them: kept out of the shared catalog, the embed does not carry them.
 */
export type HomeKey = keyof typeof en;

/** A string with `{placeholders}` filled; English when the language lacks it. */
export const homeText = tableText<HomeKey>(en, es);
