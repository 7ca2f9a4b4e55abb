import { ButtonNav } from '../../../components/button-nav';

const LINKS = [
  { href: '/profile', label: 'Profile' },
  { href: '/profile/locations', label: 'Practice locations' },
  { href: '/profile/credentials', label: 'Licenses and credentials' },
  { href: '/profile/preview', label: 'Preview' },
];

/** The therapist's profile pages; the current one is marked for assistive technology too. */
export function ProfileNav({ current }: { current: string }) {
  return <ButtonNav label="Your profile pages" links={LINKS} current={current} className="margin-bottom-3" />;
}
