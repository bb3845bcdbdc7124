// @lint-as: src/app/__fixture__.tsx
// @expect: none
// Allowed: src/app is the composition root of the page (ui, stores, bridge, contract, comlink).
import { wrap } from 'comlink';
import { App } from '../ui/App';
import { PRESET_IDS } from '../contract';

export const parts = [wrap, App, PRESET_IDS];
