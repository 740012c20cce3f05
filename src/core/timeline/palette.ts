// Colours for organizations and architecture types as CSS class slots, which media/timeline.css maps to
// --vscode-charts-* variables so every theme reads well.
import type { ArchitectureType } from '../atlas/atlas';
import { leadOrganization, type TimelineModel } from './timelineModel';

export type ColourBy = 'organization' | 'architecture';

/** Number of distinct chart colours; everything beyond them shares the foreground colour. */
export const PALETTE_SIZE = 6;
export const OTHER_SLOT = -1;

const ARCHITECTURE_SLOTS: Record<ArchitectureType, number> = {
  'dual-encoder': 0,
  'fusion-encoder': 1,
  'encoder-decoder': 2,
  'mixture-of-experts': 3,
  'frozen-llm-adapter': 4,
  'multimodal-llm': 5,
  'vision-only': OTHER_SLOT,
};

export interface ColourScheme {
  slotOf(model: TimelineModel): number;
  /** Legend entries in slot order; the "other" entry last where it is used. */
  legend: Array<{ label: string; slot: number }>;
}

export function colourScheme(models: readonly TimelineModel[], by: ColourBy, otherLabel: string): ColourScheme {
  if (by === 'architecture') {
    const present = new Set(models.map((m) => m.architectureType));
    const legend = (Object.keys(ARCHITECTURE_SLOTS) as ArchitectureType[])
      .filter((type) => present.has(type))
      .map((type) => ({ label: type, slot: ARCHITECTURE_SLOTS[type] }));
    return { slotOf: (m) => ARCHITECTURE_SLOTS[m.architectureType] ?? OTHER_SLOT, legend };
  }
  // The most frequent organizations get their own colour; ties break by name so colours are stable.
  const counts = new Map<string, number>();
  for (const m of models) {
    counts.set(leadOrganization(m), (counts.get(leadOrganization(m)) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([org]) => org);
  const slots = new Map(ranked.slice(0, PALETTE_SIZE).map((org, i) => [org, i]));
  const legend = ranked.slice(0, PALETTE_SIZE).map((org, i) => ({ label: org, slot: i }));
  if (ranked.length > PALETTE_SIZE) {
    legend.push({ label: otherLabel, slot: OTHER_SLOT });
  }
  return { slotOf: (m) => slots.get(leadOrganization(m)) ?? OTHER_SLOT, legend };
}

export function slotClass(slot: number): string {
  return slot === OTHER_SLOT ? 'c-other' : `c${slot}`;
}
