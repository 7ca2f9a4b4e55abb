/**
 * Where an administrator checks a massage therapy license: the licensing board of each state (and DC) and its
 * public license look-up. States without a state license law for massage therapists say so (local permits or a
 * voluntary certification may exist there). Boards move their look-ups now and then: when an address no longer
 * answers, search the board's name and update this table.
 */
export interface StateBoard {
  state: string;
  /** The board or agency that licenses massage therapists; null where the state has no license law. */
  board: string | null;
  /** Its public license look-up. */
  lookupUrl: string | null;
  /** What else to know (a voluntary certification, another agency). */
  note?: string;
}

const b = (state: string, board: string, lookupUrl: string, note?: string): StateBoard => ({
  state,
  board,
  lookupUrl,
  note,
});
const none = (state: string, note: string): StateBoard => ({ state, board: null, lookupUrl: null, note });

export const STATE_BOARDS: readonly StateBoard[] = [
  b('AL', 'Alabama Board of Massage Therapy', 'https://almtbd.alabama.gov/'),
  b('AK', 'Alaska Board of Massage Therapists', 'https://www.commerce.alaska.gov/cbp/main/search/professional'),
  b('AZ', 'Arizona State Board of Massage Therapy', 'https://massagetherapy.az.gov/'),
  b('AR', 'Arkansas Department of Health, Massage Therapy Section', 'https://www.healthy.arkansas.gov/'),
  none(
    'CA',
    'No state license: the California Massage Therapy Council (camtc.org) issues a voluntary certification; cities license.',
  ),
  b(
    'CO',
    'Colorado Office of Massage Therapy Licensure (DORA)',
    'https://apps2.colorado.gov/dora/licensing/Lookup/LicenseLookup.aspx',
  ),
  b('CT', 'Connecticut Department of Public Health', 'https://www.elicense.ct.gov/Lookup/LicenseLookup.aspx'),
  b('DE', 'Delaware Board of Massage and Bodywork', 'https://delpros.delaware.gov/OH_VerifyLicense'),
  b(
    'DC',
    'DC Board of Massage Therapy (DC Health)',
    'https://dchealth.dc.gov/service/verify-health-professional-license',
  ),
  b(
    'FL',
    'Florida Board of Massage Therapy',
    'https://mqa-internet.doh.state.fl.us/MQASearchServices/HealthCareProviders',
  ),
  b('GA', 'Georgia Board of Massage Therapy', 'https://verify.sos.ga.gov/verification/'),
  b('HI', 'Hawaii Board of Massage Therapy', 'https://pvl.ehawaii.gov/pvlsearch/'),
  b('ID', 'Idaho Board of Massage Therapy (DOPL)', 'https://dopl.idaho.gov/'),
  b(
    'IL',
    'Illinois Department of Financial and Professional Regulation',
    'https://online-dfpr.micropact.com/lookup/licenselookup.aspx',
  ),
  b('IN', 'Indiana State Board of Massage Therapy', 'https://mylicense.in.gov/everification/'),
  b(
    'IA',
    'Iowa Board of Massage Therapy',
    'https://ibplicense.iowa.gov/PublicPortal/Iowa/IBPL/publicsearch/publicsearch.jsp',
  ),
  none('KS', 'No state license law for massage therapists: cities and counties may require a permit.'),
  b('KY', 'Kentucky Board of Licensure for Massage Therapy', 'https://bmt.ky.gov/'),
  b('LA', 'Louisiana Board of Massage Therapy', 'https://www.lmtb.la.gov/'),
  b(
    'ME',
    'Maine Office of Professional and Occupational Regulation',
    'https://www.pfr.maine.gov/ALMSOnline/ALMSQuery/SearchIndividual.aspx',
  ),
  b(
    'MD',
    'Maryland State Board of Chiropractic and Massage Therapy Examiners',
    'https://health.maryland.gov/chiropractic/',
  ),
  b(
    'MA',
    'Massachusetts Board of Registration of Massage Therapy',
    'https://www.mass.gov/how-to/check-a-professional-license',
  ),
  b('MI', 'Michigan Board of Massage Therapy (LARA)', 'https://www.lara.michigan.gov/colaLicVerify/'),
  none('MN', 'No state license law for massage therapists: cities may license.'),
  b('MS', 'Mississippi State Board of Massage Therapy', 'https://www.msbmt.ms.gov/'),
  b('MO', 'Missouri Board of Therapeutic Massage', 'https://pr.mo.gov/licensee-search.asp'),
  b('MT', 'Montana Board of Massage Therapy', 'https://ebiz.mt.gov/pol/'),
  b('NE', 'Nebraska Board of Massage Therapy (DHHS)', 'https://www.nebraska.gov/LISSearch/search.cgi'),
  b('NV', 'Nevada State Board of Massage Therapy', 'https://massagetherapy.nv.gov/'),
  b(
    'NH',
    'New Hampshire Office of Professional Licensure and Certification',
    'https://forms.nh.gov/licenseverification/',
  ),
  b('NJ', 'New Jersey Board of Massage and Bodywork Therapy', 'https://newjersey.mylicense.com/verification/'),
  b(
    'NM',
    'New Mexico Massage Therapy Board',
    'https://www.rld.nm.gov/boards-and-commissions/individual-boards-and-commissions/massage-therapy/',
  ),
  b(
    'NY',
    'New York State Education Department, Office of the Professions',
    'https://www.op.nysed.gov/verification-search',
  ),
  b('NC', 'North Carolina Board of Massage and Bodywork Therapy', 'https://www.bmbt.org/'),
  b('ND', 'North Dakota Board of Massage Therapy', 'https://www.ndboardofmassage.com/'),
  b('OH', 'State Medical Board of Ohio', 'https://elicense.ohio.gov/oh_verifylicense'),
  b('OK', 'Oklahoma State Board of Cosmetology and Barbering (massage therapy)', 'https://oklahoma.gov/cosmo.html'),
  b('OR', 'Oregon Board of Massage Therapists', 'https://www.oregon.gov/obmt/'),
  b('PA', 'Pennsylvania State Board of Massage Therapy', 'https://www.pals.pa.gov/#/page/search'),
  b('RI', 'Rhode Island Department of Health', 'https://health.ri.gov/find/licensees/'),
  b('SC', 'South Carolina Massage/Bodywork Panel (LLR)', 'https://verify.llronline.com/LicLookup/LookupMain.aspx'),
  b('SD', 'South Dakota Board of Massage Therapy', 'https://massagetherapy.sd.gov/'),
  b('TN', 'Tennessee Massage Licensure Board', 'https://apps.health.tn.gov/Licensure/'),
  b(
    'TX',
    'Texas Department of Licensing and Regulation (massage therapy)',
    'https://www.tdlr.texas.gov/LicenseSearch/',
  ),
  b('UT', 'Utah Division of Professional Licensing', 'https://secure.utah.gov/llv/search/index.html'),
  none('VT', 'No state license law for massage therapists.'),
  b(
    'VA',
    'Virginia Board of Nursing (massage therapy certification)',
    'https://dhp.virginiainteractive.org/Lookup/Index',
  ),
  b(
    'WA',
    'Washington State Board of Massage (Department of Health)',
    'https://fortress.wa.gov/doh/providercredentialsearch/',
  ),
  b('WV', 'West Virginia Massage Therapy Licensure Board', 'https://www.wvmassage.org/'),
  b(
    'WI',
    'Wisconsin Massage Therapy and Bodywork Therapy Affiliated Credentialing Board',
    'https://licensesearch.wi.gov/',
  ),
  none('WY', 'No state license law for massage therapists.'),
];

const BY_STATE = new Map(STATE_BOARDS.map((board) => [board.state, board]));

export function boardOf(state: string): StateBoard | undefined {
  return BY_STATE.get(state.toUpperCase());
}

/** NCBTMB's public directory of board-certified massage therapists (BCTMB). */
export const NCBTMB_DIRECTORY = 'https://www.ncbtmb.org/find-a-board-certified-massage-therapist/';

/** The NPPES NPI Registry's page for one NPI, for checking by hand. */
export function nppesPage(npi: string): string {
  return `https://npiregistry.cms.hhs.gov/provider-view/${encodeURIComponent(npi)}`;
}
