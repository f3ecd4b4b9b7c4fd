import type { ReactNode } from 'react';

/** A navigation landmark with a list of links; `label` names it ("Werkplek", "Taal"), as there may be several. */
export const NavBar = ({ label, children, className }: { label: string; children: ReactNode; className?: string }) => (
  <nav className={className ? `utrecht-nav-bar ${className}` : 'utrecht-nav-bar'} aria-label={label}>
    <div className="utrecht-nav-bar__content gv-container">
      <ul className="gv-nav__list">{children}</ul>
    </div>
  </nav>
);

export const NavBarItem = ({ children }: { children: ReactNode }) => <li className="gv-nav__item">{children}</li>;
