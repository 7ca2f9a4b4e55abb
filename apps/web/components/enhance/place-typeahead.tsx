'use client';

import { useEffect, useState } from 'react';

/**
 * With JavaScript, the "Where?" field suggests places as the person types (from the offline gazetteer, through
 * this web server), in a native datalist: keyboard and screen-reader behaviour come from the browser. Without
 * JavaScript the field works as a plain input and an unknown place gets suggestions on the results page.
 */
export function PlaceTypeahead({ inputId }: { inputId: string }) {
  const [places, setPlaces] = useState<string[]>([]);
  const listId = `${inputId}-suggestions`;
  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    input.setAttribute('list', listId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const text = input.value.trim();
        if (text.length < 2) return setPlaces([]);
        controller?.abort();
        controller = new AbortController();
        fetch(`/places?text=${encodeURIComponent(text)}`, { signal: controller.signal })
          .then((response) => (response.ok ? (response.json() as Promise<{ places: string[] }>) : { places: [] }))
          .then((body) => setPlaces(body.places))
          .catch(() => undefined);
      }, 200);
    };
    input.addEventListener('input', onInput);
    return () => {
      input.removeEventListener('input', onInput);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [inputId, listId]);
  return (
    <datalist id={listId}>
      {places.map((place) => (
        <option key={place} value={place} />
      ))}
    </datalist>
  );
}
