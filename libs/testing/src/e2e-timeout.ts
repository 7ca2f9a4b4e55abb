// End-to-end tests boot the app and talk to real services: allow them time.
jest.setTimeout(60_000);
