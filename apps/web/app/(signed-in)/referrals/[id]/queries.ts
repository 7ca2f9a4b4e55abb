import { ReferralPageDocument, type ReferralPageQuery } from '@mmn/api-client';
import { cache } from 'react';
import { ApiError } from '../../../../lib/api';
import type { Session } from '../../../../lib/session';

export type ReferralView = ReferralPageQuery['referral'];
export type TechniqueNames = ReferralPageQuery['techniques'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The referral for one of its parties; null for anyone else, exactly as for one that does not exist. */
export const loadReferral = cache(
  async (session: Session, id: string): Promise<{ referral: ReferralView; techniques: TechniqueNames } | null> => {
    if (!UUID.test(id)) return null;
    try {
      const data = await session.call(ReferralPageDocument, { id });
      return { referral: data.referral, techniques: data.techniques };
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) return null;
      throw error;
    }
  },
);
