import { ButtonNav } from '../../../components/button-nav';

const LINKS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/verification', label: 'Verification queue' },
  { href: '/admin/reports', label: 'Listing reports' },
  { href: '/admin/audit', label: 'Audit log' },
];

export function AdminNav({ current }: { current: string }) {
  return <ButtonNav label="Admin console" links={LINKS} current={current} className="margin-bottom-3" />;
}
