/** Shared by the services process and the test files; no application imports here. */
export const TEMPLATE_DATABASE = 'test_template';
export const SERVICES_ENV = 'MMN_TEST_SERVICES';

export interface TestServices {
  postgresUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
}
