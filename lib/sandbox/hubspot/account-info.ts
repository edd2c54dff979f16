import 'server-only';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { portalNumber } from './accounts';

/** `GET /account-info/v3/details`. */
export function hubspotAccountDetails(ctx: ApiCallContext): Response {
  return jsonResponse({
    portalId: portalNumber(ctx.account),
    accountType: 'STANDARD',
    timeZone: 'US/Eastern',
    companyCurrency: 'USD',
    additionalCurrencies: [],
    utcOffset: '-05:00',
    utcOffsetMilliseconds: -18_000_000,
    uiDomain: 'app.hubspot.com',
    dataHostingLocation: 'na1',
  });
}
