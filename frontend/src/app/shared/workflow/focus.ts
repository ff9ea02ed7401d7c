import { afterNextRender, type Injector } from '@angular/core';

/** Moves the focus to the element with this id once the next render has put it on the page. */
export function focusAfterRender(injector: Injector, id: string): void {
  afterNextRender(() => document.getElementById(id)?.focus(), { injector });
}
