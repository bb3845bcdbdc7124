import { useState } from 'react';
import { useInstances, type InstanceChoice } from './view';

/** The kernel a fault form proposes first: a running spawn, else any running kernel, else any. */
function pickDefault(instances: readonly InstanceChoice[], avoid?: string): string {
  const running = instances.filter((i) => i.state === 'active' && !i.panicked && !i.hung);
  const order = [
    ...running.filter((i) => i.id !== 0 && i.name !== avoid),
    ...running.filter((i) => i.name !== avoid),
    ...instances,
  ];
  return order[0]?.name ?? '';
}

/**
 * The kernel a fault form acts on or from: what the user chose while it exists, else the default
 * (which is not `avoid`, the kernel the form's other choice already names, when it can help it).
 */
export function useKernelChoice(avoid?: string) {
  const instances = useInstances();
  const [chosen, setChosen] = useState('');
  const names = instances.map((i) => i.name);
  const value = names.includes(chosen) ? chosen : pickDefault(instances, avoid);
  const options = instances.map((i) => ({
    value: i.name,
    label: i.panicked || i.hung || i.state !== 'active' ? `${i.name} (${i.stateLabel})` : i.name,
  }));
  return { value, setChosen, options };
}
