/** One titled block of actions on the referral page. */
export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="action-panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
