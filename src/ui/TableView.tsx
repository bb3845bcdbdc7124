import { CpuList } from './CpuList';
import { KernelTable } from './KernelTable';
import { MessageCounts } from './MessageCounts';
import { WorkloadTable } from './WorkloadTable';
import './table-view.css';

/** The machine as tables: the same data as the machine view, for screen readers and close reading. */
export function TableView() {
  return (
    <div className="table-view">
      <KernelTable />
      <MessageCounts />
      <WorkloadTable />
      <CpuList />
    </div>
  );
}
