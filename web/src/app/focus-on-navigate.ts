import { type RefObject, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the main content, as a full page load would put a
 * screen reader at the top of the new page. Not on the first render and not when only the query
 * changes (language switch, opening a mail), so focus stays where the person is working.
 */
export const useFocusOnNavigate = (target: RefObject<HTMLElement | null>): void => {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = target.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else target.current?.focus();
  }, [pathname, target]);
};
