import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMemberView } from '../../../../shared/src/identity/identity.contract.ts';
import { useCity } from '../../app/city.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
} from '../../ui/index.ts';
import { useStaffList } from './identity.api.ts';
import { organisationName, roleOrder, roleWithTeam, teamName } from './identity-display.rules.ts';
import { StaffMemberForm } from './StaffMemberForm.tsx';
import './identity.css';

/** `/werk/medewerkers` (staff:manage): the staff directory, and adding or changing a member. */
export const StaffDirectoryPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('identity.staffDirectory.title'));
  const { data: city } = useCity();
  const language = currentLanguage();
  const staff = useStaffList();
  const [editing, setEditing] = useState<StaffMemberView | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedMessage = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const done = (member: StaffMemberView | null) => {
    setEditing(null);
    setSaved(member ? member.displayName : null);
    // The form goes away: focus moves to the confirmation, or back to where the person started.
    requestAnimationFrame(() => (member ? savedMessage.current : addButton.current)?.focus());
  };

  const roleList = (member: StaffMemberView) =>
    [...member.roles]
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
      .map((grant) => roleWithTeam(t(`identity.roles.${grant.role}`), grant.team, (id) => teamName(city, id, language)));

  return (
    <div className="gv-stack">
      <Heading level={1}>{t('identity.staffDirectory.title')}</Heading>
      <Paragraph lead>{t('identity.staffDirectory.intro')}</Paragraph>
      <div ref={savedMessage} tabIndex={-1}>
        {saved ? (
          <Alert type="ok">
            <Paragraph>{t('identity.staffDirectory.saved', { name: saved })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {editing ? (
        <StaffMemberForm key={editing === 'new' ? 'new' : editing.id} member={editing === 'new' ? null : editing} onDone={done} />
      ) : (
        <div>
          <Button
            ref={addButton}
            appearance="primary-action"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {t('identity.staffDirectory.add')}
          </Button>
        </div>
      )}
      {staff.isPending ? <Loading /> : null}
      {staff.isError ? <QueryAlert error={staff.error} onRetry={() => void staff.refetch()} /> : null}
      {staff.data && staff.data.items.length === 0 ? <Paragraph>{t('identity.staffDirectory.empty')}</Paragraph> : null}
      {staff.data && staff.data.items.length > 0 ? (
        <Table label={t('identity.staffDirectory.caption')}>
          <TableCaption>{t('identity.staffDirectory.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('identity.staffDirectory.displayName')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.staffDirectory.email')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.staffDirectory.organisation')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.staffDirectory.roles')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.staffDirectory.active')}</TableHeaderCell>
              <TableHeaderCell>{t('identity.staffDirectory.hasLoggedIn')}</TableHeaderCell>
              <TableHeaderCell>
                <VisuallyHidden>{t('identity.staffDirectory.actions')}</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.data.items.map((member) => (
              <TableRow key={member.id}>
                <TableHeaderCell scope="row">{member.displayName}</TableHeaderCell>
                <TableCell>{member.email}</TableCell>
                <TableCell>{organisationName(city, member.organisation, language)}</TableCell>
                <TableCell>
                  {member.roles.length === 0 ? (
                    t('identity.staffDirectory.noRoles')
                  ) : (
                    <ul className="gv-plain-list">
                      {roleList(member).map((label) => (
                        <li key={label}>{label}</li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell>
                  <StatusBadge status={member.active ? 'success' : 'neutral'}>{member.active ? t('identity.yes') : t('identity.no')}</StatusBadge>
                </TableCell>
                <TableCell>{member.hasLoggedIn ? t('identity.yes') : t('identity.no')}</TableCell>
                <TableCell>
                  <Button
                    appearance="secondary-action"
                    onClick={() => {
                      setSaved(null);
                      setEditing(member);
                    }}
                  >
                    {t('identity.staffDirectory.edit')}
                    <VisuallyHidden>: {member.displayName}</VisuallyHidden>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
};
