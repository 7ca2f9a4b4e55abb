'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * With JavaScript, a change to a filter, the sort or the distance applies at once: the form's query becomes the
 * URL (so back and forward keep every filter) and the server renders the new results without a full reload.
 */
export function FiltersEnhancer() {
  const router = useRouter();
  useEffect(() => {
    const form = document.getElementById('search-form') as HTMLFormElement | null;
    if (!form) return;
    const apply = () => {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (typeof value === 'string' && value !== '') params.append(name, value);
      }
      params.delete('page');
      router.push(`/search?${params.toString()}`, { scroll: false });
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('[data-filters]')) apply();
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, [router]);
  return null;
}
