/** The application window lives in shared code: the server enforces the same rule the pages show. */
export {
  type ApplicationWindow,
  applicationWindow,
  todayInSweden,
} from '../../../shared/applicationPeriod.ts';
