/** Dates, times and money as everywhere else in Bollplank (the server's mails use the same). */
export { formatDate, formatDateTime, formatMoney, formatNumber, localized } from '../shared/format.ts';
