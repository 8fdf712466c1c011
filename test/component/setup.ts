/**
 * Component test environment: jest-dom matchers, cleanup, and stand-ins for the
 * browser APIs and layout facts jsdom lacks that Fluent UI and the virtualizer read.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Role queries compute styles for Fluent's many rules, which jsdom does slowly; give findBy* room on a busy CI machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

globalThis.ResizeObserver ??= NoopResizeObserver;

window.matchMedia ??= (query: string): MediaQueryList => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
});

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

/*
 * jsdom does no layout, so offsetParent is always null and <body> measures 0x0. Fluent's focus
 * manager (tabster) reads both as "nothing is visible": a dialog could not focus its first button
 * and its focus trap would not switch on. Report what a browser would for rendered elements.
 */
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    if (!this.isConnected || this === this.ownerDocument.body) return null;
    const hiddenAncestor = this.closest<HTMLElement>('[hidden], [style*="display: none"]');
    return hiddenAncestor ? null : this.parentElement;
  },
});
const measureElement = HTMLElement.prototype.getBoundingClientRect;
HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect(this: HTMLElement) {
  return this === this.ownerDocument.body ? new DOMRect(0, 0, 1280, 800) : measureElement.call(this);
};

// jsdom's Blob has no text(); the bulk import reads chosen files with it, as browsers allow.
Blob.prototype.text ??= function text(this: Blob) {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(this);
  });
};
