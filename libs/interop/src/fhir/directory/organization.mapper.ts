import type { Organization } from '@medplum/fhirtypes';
import { type Network, NetworkKind } from '@mmn/reference-data';
import { PROFILES, SYSTEMS } from '../fhir-constants';

/** Plan-Net organization types used here (OrgTypeCS). */
export type OrganizationType = 'ntwk' | 'payer' | 'prvgrp' | 'bus';

const TYPE_DISPLAY: Record<OrganizationType, string> = {
  ntwk: 'Network',
  payer: 'Payer',
  prvgrp: 'Provider Group',
  bus: 'Non-Healthcare Business',
};

/** The organization that runs a network: the payer for plans and insurers, the system for health systems. */
export function ownerTypeOf(kind: NetworkKind): OrganizationType {
  switch (kind) {
    case NetworkKind.HEALTH_SYSTEM:
      return 'prvgrp';
    case NetworkKind.OTHER:
    case NetworkKind.HEALTH_PLAN:
    case NetworkKind.AUTO_INSURANCE:
    case NetworkKind.WORKERS_COMP:
      return 'payer';
  }
}

export const OWNER_PREFIX = 'org-';

const type = (code: OrganizationType) => [{ coding: [{ system: SYSTEMS.orgType, code, display: TYPE_DISPLAY[code] }] }];

/** A credentialing network as a Plan-Net Network (its id is the network's), part of its owning organization. */
export function toNetworkOrganization(network: Network): Organization {
  return {
    resourceType: 'Organization',
    id: network.id,
    meta: { profile: [PROFILES.Network] },
    active: true,
    type: type('ntwk'),
    name: network.name,
    partOf: { reference: `Organization/${OWNER_PREFIX}${network.id}`, display: network.name },
  };
}

/** The organization (payer or health system) behind a network, as a Plan-Net Organization. */
export function toOwnerOrganization(network: Network): Organization {
  return {
    resourceType: 'Organization',
    id: `${OWNER_PREFIX}${network.id}`,
    meta: { profile: [PROFILES.Organization] },
    active: true,
    type: type(ownerTypeOf(network.kind)),
    name: network.name,
  };
}

/** Every organization of the directory: each network and its owner. */
export function allOrganizations(networks: readonly Network[]): Organization[] {
  return networks.flatMap((network) => [toNetworkOrganization(network), toOwnerOrganization(network)]);
}
