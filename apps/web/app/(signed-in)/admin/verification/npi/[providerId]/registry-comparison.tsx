import type { ProviderRegistryRecordQuery, QueueProviderFragment } from '@mmn/api-client';
import { Banner } from '../../../../../../components/forms/fields';

type Lookup = ProviderRegistryRecordQuery['providerRegistryRecord'];

function Match({ value }: { value: boolean | null | undefined }) {
  if (value === null || value === undefined) return <span className="text-base">Nothing to compare</span>;
  return value ? (
    <span className="usa-tag bg-green">Matches</span>
  ) : (
    <span className="usa-tag bg-secondary-dark">Differs</span>
  );
}

/** The provider's entries beside the registry's, row by row, with whether each matches. */
export function RegistryComparison({ provider, lookup }: { provider: QueueProviderFragment; lookup: Lookup }) {
  const record = lookup.record;
  const c = lookup.comparison;
  const states = [...new Set(provider.locations.map((l) => l.state))].join(', ');
  return (
    <section aria-labelledby="registry-heading">
      <h2 id="registry-heading">NPPES registry record</h2>
      <Banner kind={lookup.status === 'FOUND' ? 'info' : 'warning'}>
        {lookup.status === 'UNREACHABLE' ? 'The NPPES registry did not answer. ' : null}
        {lookup.message}
      </Banner>
      {record ? (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">The prescriber&apos;s entries beside the NPPES record</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Prescriber entered</th>
              <th scope="col">NPPES record</th>
              <th scope="col">Comparison</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Name</th>
              <td>{provider.displayName}</td>
              <td>
                {record.name} ({record.kind === 'ORGANIZATION' ? 'organization, NPI-2' : 'individual, NPI-1'})
              </td>
              <td>
                <Match value={c?.nameMatches} />
              </td>
            </tr>
            <tr>
              <th scope="row">Taxonomy</th>
              <td>{provider.taxonomyCode ?? 'Not entered'}</td>
              <td>
                {record.primaryTaxonomy
                  ? `${record.primaryTaxonomy.code}: ${record.primaryTaxonomy.description}`
                  : 'None listed'}
              </td>
              <td>
                <Match value={c?.taxonomyMatches} />
              </td>
            </tr>
            <tr>
              <th scope="row">State</th>
              <td>{states || 'No locations'}</td>
              <td>{record.states.join(', ') || 'None listed'}</td>
              <td>
                <Match value={c?.stateMatches} />
              </td>
            </tr>
            <tr>
              <th scope="row">Status</th>
              <td>NPI {provider.npi}</td>
              <td>{record.active ? 'Active' : 'Deactivated'}</td>
              <td>
                <Match value={c?.active} />
              </td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
