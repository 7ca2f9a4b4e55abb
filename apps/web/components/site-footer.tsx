export function SiteFooter() {
  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__secondary-section">
        <div className="grid-container">
          <p className="margin-top-0">
            We do not keep your searches, and this site loads no analytics or third-party scripts.
          </p>
          <p className="margin-bottom-0 font-body-3xs">
            Place data: GeoNames postal codes (CC BY 4.0). Licenses are checked against state boards by our staff; the
            date of each check is shown on the therapist&apos;s profile.
          </p>
        </div>
      </div>
    </footer>
  );
}
