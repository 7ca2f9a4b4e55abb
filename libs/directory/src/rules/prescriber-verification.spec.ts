import { VerificationStatus } from '../directory.enums';
import { prescriberRefusal } from './prescriber-verification';

describe('prescriberRefusal', () => {
  it('lets a verified prescriber refer, and anyone when verification is not required', () => {
    expect(prescriberRefusal(VerificationStatus.VERIFIED, true)).toBeNull();
    expect(prescriberRefusal(VerificationStatus.PENDING, false)).toBeNull();
  });
  it('says what to do for a pending or rejected NPI', () => {
    expect(prescriberRefusal(VerificationStatus.PENDING, true)).toMatch(/waiting for verification/);
    expect(prescriberRefusal(VerificationStatus.REJECTED, true)).toMatch(/correct it in your provider profile/);
  });
});
