// @lint-as: src/viz/__fixture__.ts
// @expect: @typescript-eslint/no-restricted-imports
import { useMemo } from 'react';

export const u = useMemo;
