/**
 * Shapes shared by the machine view's pure layout functions (machine-layout, machine-chips,
 * machine-memory, machine-ipi) and the React components that draw them (src/ui/machine).
 * Every coordinate is in SVG user units, and the view's viewBox is as wide as its container, so
 * one unit is one CSS pixel and a 12 px label really is 12 px.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A label placed by the layout: `x`, `y` is the top-left of its box; the text fits `w`. */
export interface TextBox extends Rect {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** A workload running in a kernel: drawn as chips under the CPUs it is placed on. */
export interface WorkloadSpec {
  readonly id: number;
  readonly name: string;
  readonly cpus: readonly number[];
}

/** A device a kernel holds, with its IOMMU badge text when it has a domain. */
export interface DeviceChipSpec {
  readonly pci: string;
  readonly label: string;
  readonly badge: string | null;
}

/** One outlined group: a kernel instance, or the pool (owner −1). Texts arrive translated. */
export interface GroupSpec {
  readonly key: string;
  readonly owner: number;
  /** "alpha · 1": the name and id. */
  readonly name: string;
  /** "active", "loaded · panicked"… drawn right of the name when it fits, else below it. */
  readonly state: string;
  /** The ring gauge's text ("ring 12/63", "slot"), or null for no gauge (the pool). */
  readonly gauge: string | null;
  /** A pending operation ("booting…") or the pool's free memory; '' for none. */
  readonly note: string;
  readonly cpus: readonly number[];
  readonly workloads: readonly WorkloadSpec[];
  readonly devices: readonly DeviceChipSpec[];
}

export interface MemoryRunSpec {
  readonly owner: number;
  readonly startMiB: number;
  readonly sizeMiB: number;
  /** "alpha · 2 GiB", and a shorter "alpha" used when the long one does not fit. */
  readonly label: string;
  readonly short: string;
}

export interface MemorySpec {
  readonly title: string;
  readonly runs: readonly MemoryRunSpec[];
  readonly startLabel: string;
  readonly endLabel: string;
  /** What a scribble or DMA hit: one flag per kernel whose memory was written by another. */
  readonly flags: readonly { readonly owner: number; readonly text: string }[];
}

export interface LayoutSpec {
  readonly groups: readonly GroupSpec[];
  /** Every text a CPU cell can show ("CPU 63", each state word): cells are sized to fit all. */
  readonly cellTexts: readonly string[];
  readonly memory: MemorySpec;
}

export interface ChipBox extends Rect {
  readonly key: string;
  readonly label: TextBox;
  readonly badge: { readonly rect: Rect; readonly text: TextBox } | null;
}

export interface LaneChip extends ChipBox {
  readonly workload: number;
}

export interface DeviceChip extends ChipBox {
  readonly pci: string;
}

export interface GroupBox extends Rect {
  readonly key: string;
  readonly owner: number;
  readonly swatch: Rect;
  readonly name: TextBox;
  readonly state: TextBox;
  readonly gaugeBar: Rect | null;
  readonly gaugeText: TextBox | null;
  readonly note: TextBox | null;
  /** Where IPIs to this kernel arrive: the middle of its ring gauge. */
  readonly ringAnchor: Point;
  readonly lanes: readonly LaneChip[];
  /** Workloads with no CPU (stopped): chips after the grid. */
  readonly idle: readonly LaneChip[];
  readonly devices: readonly DeviceChip[];
}

export interface CellBox extends Rect {
  readonly id: number;
  readonly group: string;
}

export interface MemoryRunBox extends Rect {
  readonly owner: number;
  /** The run's label inside the bar, when it fits there. */
  readonly label: TextBox | null;
  /** Otherwise its name below the bar, with a tick up to the run. */
  readonly outside: { readonly tick: Rect; readonly text: TextBox } | null;
}

export interface MemoryLayout extends Rect {
  readonly title: TextBox;
  readonly bar: Rect;
  readonly runs: readonly MemoryRunBox[];
  readonly ends: readonly TextBox[];
  readonly flags: readonly {
    readonly owner: number;
    readonly tick: Rect;
    readonly text: TextBox;
  }[];
}

export interface MachineLayout {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly GroupBox[];
  readonly cells: ReadonlyMap<number, CellBox>;
  readonly memory: MemoryLayout;
}
