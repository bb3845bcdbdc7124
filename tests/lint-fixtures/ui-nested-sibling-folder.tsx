// @lint-as: src/ui/shell/__fixture__.tsx
// @expect: none
// Allowed: '../lessons/…' from src/ui/shell/ is src/ui/lessons/, not src/lessons/.
import { StepList } from '../lessons/StepList';
import { useSimStore } from '../../store/sim';

export const parts = [StepList, useSimStore];
