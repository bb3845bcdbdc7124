import type { MachineView } from '../../contract';
import { useT } from '../hooks';
import { Link, Note } from './parts';

// What every detail pane shares: links to owners and CPUs, and the note for a thing now gone.

export type T = ReturnType<typeof useT>;

export function ownerLink(t: T, view: MachineView, owner: number) {
  if (owner < 0) return <span>{t('cpus.pool')}</span>;
  const inst = view.instances.find((i) => i.id === owner);
  return inst ? (
    <Link to={{ kind: 'kernel', id: owner }}>{inst.name}</Link>
  ) : (
    <span>{`#${owner}`}</span>
  );
}

export const cpuLinks = (t: T, cpus: readonly number[]) =>
  cpus.map((c) => (
    <Link key={c} to={{ kind: 'cpu', id: c }}>
      {t('inspector.cpu.name', { id: c })}
    </Link>
  ));

/** Links to workloads, by name. */
export const workloadLinks = (workloads: readonly { id: number; name: string }[]) =>
  workloads.map((w) => (
    <Link key={w.id} to={{ kind: 'workload', id: w.id }}>
      {w.name}
    </Link>
  ));

export function Gone() {
  const t = useT();
  return <Note>{t('inspector.gone')}</Note>;
}
