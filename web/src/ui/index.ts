/** Thin React wrappers around the NL Design System CSS components, themed by the city (theme.rules.ts). */
export { Alert, type AlertType } from './Alert.tsx';
export { Button, type ButtonAppearance, ButtonLink, ExternalButtonLink } from './Button.tsx';
export { Choice, Fieldset, Select } from './Choice.tsx';
export { cx } from './class-names.ts';
export { stepOption } from './combobox.rules.ts';
export { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.tsx';
export { FormField, fieldIds, Textbox } from './Form.tsx';
export { Icon, type IconName } from './Icon.tsx';
export { ExternalLink, Link, NavLink } from './Link.tsx';
export { NavBar, NavBarItem } from './NavBar.tsx';
export { PageBody, PageFooter, PageHeader, SkipLink } from './Page.tsx';
export { QrCode } from './QrCode.tsx';
export { StatusBadge, type StatusBadgeStatus } from './StatusBadge.tsx';
export { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from './Table.tsx';
export { Heading, type HeadingLevel, Paragraph, VisuallyHidden } from './Typography.tsx';
export { type CityTheme, logoSource, themeTokens } from './theme.rules.ts';
export { useDebounced } from './use-debounced.ts';
