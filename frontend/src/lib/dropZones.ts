// Wails delivers dropped files once per window, with the drop point. Several lists can be drop
// zones at once (a lesson redesign has two), so each zone registers its element here and the drop
// goes to the zone under the pointer.
import type { Attachment } from 'svelte/attachments';
import { fileDrop } from './bridge';

type OnPaths = (paths: string[]) => void;

const zones = new Map<Element, OnPaths>();

function deliver(x: number, y: number, paths: string[]) {
  for (let el = document.elementFromPoint(x, y); el; el = el.parentElement) {
    const onPaths = zones.get(el);
    if (onPaths) {
      onPaths(paths);
      return;
    }
  }
}

/** Attachment that makes an element a file drop zone. Its inline style carries the Wails marker. */
export function dropZone(onPaths: OnPaths): Attachment<HTMLElement> {
  return (element) => {
    // Wails looks for the marker in the inline style to highlight the zone while hovered.
    element.style.setProperty('--wails-drop-target', 'drop');
    if (zones.size === 0) fileDrop.on(deliver);
    zones.set(element, onPaths);
    return () => {
      zones.delete(element);
      if (zones.size === 0) fileDrop.off();
    };
  };
}
