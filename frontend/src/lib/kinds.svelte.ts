// The evidence kinds as the Go side describes them, loaded once at startup.
import type { Kind, KindInfo } from './types';

const catalog = $state<{ list: KindInfo[] }>({ list: [] });

export function setKinds(list: KindInfo[]): void {
  catalog.list = list;
}

export function allKinds(): KindInfo[] {
  return catalog.list;
}

export function kindLabel(kind: Kind): string {
  return catalog.list.find((k) => k.kind === kind)?.label ?? kind;
}
