import type { FaultKind } from '../../contract';
import type { ReactNode } from 'react';
import { useT } from '../hooks';
import { ActionForm } from './ActionForm';
import { FAULTS } from './catalog';
import type { useSend } from './use-send';

/** One fault's form: its title and sentence from the catalog, in the danger tone, one submit. */
export function FaultShell({
  kind,
  onSubmit,
  refusal,
  children,
}: {
  readonly kind: FaultKind;
  readonly onSubmit: () => void;
  readonly refusal: ReturnType<typeof useSend>['refusal'];
  readonly children: ReactNode;
}) {
  const t = useT();
  return (
    <ActionForm
      title={t(FAULTS[kind].title)}
      about={t(FAULTS[kind].about)}
      onSubmit={onSubmit}
      refusal={refusal}
      tone="danger"
      testid={`fault-${kind}`}
      actions={
        <button type="submit" className="sbx-danger" data-testid={`action-fault-${kind}`}>
          {t('sandbox.fault.go')}
        </button>
      }
    >
      {children}
    </ActionForm>
  );
}
