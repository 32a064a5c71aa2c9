import { lazy, Suspense, type ComponentProps, type ComponentType, type JSX, type ReactNode } from 'react';
import { CodeLoadFailed } from './code-load-failed';

/**
 * A component whose code is fetched the first time it renders, so code not on a page's first
 * paint (a form, a dialog, another page) stays out of the bundle every page starts with.
 * Code that cannot be fetched (offline before it was ever loaded, or after a new release) shows a
 * message with a reload button instead of breaking the page.
 */
function lazyLoaded<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: CodeLoadFailed as ComponentType<P> }),
    ),
  );
}

/** A page of a route: it suspends until its code is in, for the shell's Suspense to show "Loading…". */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazyLoaded(load);
}

/** A part of a page (a form, a dialog) that shows `fallback` (nothing by default) while its code loads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component: its props are what the lazy one takes
export function lazyComponent<C extends (props: any) => JSX.Element>(load: () => Promise<C>, fallback: ReactNode = null): (props: ComponentProps<C>) => JSX.Element {
  const Loaded = lazyLoaded<ComponentProps<C>>(load as () => Promise<ComponentType<ComponentProps<C>>>);
  function LazyComponent(props: ComponentProps<C>) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
