import en from './en/class.json';
import es from './es/class.json';
import { tableText } from './table-text';

/**
 * The live class's text (`src/i18n/<lang>/class.json`). Only the class's components import
 * this file, and they are lazy chunks: the main bundle (and the embed) carry none of it.
 */
export type ClassKey = keyof typeof en;

/** A string with `{placeholders}` filled; English when the language lacks it. */
export const classText = tableText<ClassKey>(en, es);
