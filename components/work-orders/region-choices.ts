import { loadPage } from "@/lib/api/page";
import { listRegionOptions } from "@/lib/network/region-options";
import type { RegionOption, RegionSelection } from "@/components/work-orders/region-picker";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const code = (v: string | string[] | undefined) => (/^\d{12}$/.test(one(v)) ? one(v) : "");

/**
 * The region picker's lists for a page, read on the server from ?county=&township=&village=.
 * A code that is not a child of the level above is dropped, so a stale or edited URL cannot put
 * a mismatched pair in the form. `defaultCounty` applies only when the page has no ?county= at all.
 */
export async function loadRegionChoices(sp: SearchParams, returnTo: string, defaultCounty?: string) {
  const wanted = {
    county: sp.county === undefined ? (defaultCounty ?? "") : code(sp.county),
    township: code(sp.township),
    village: code(sp.village),
  };
  const [counties, townshipList, villageList] = await Promise.all([
    loadPage(listRegionOptions, {}, returnTo),
    wanted.county ? loadPage(listRegionOptions, { parent: wanted.county }, returnTo) : Promise.resolve([]),
    wanted.township ? loadPage(listRegionOptions, { parent: wanted.township }, returnTo) : Promise.resolve([]),
  ]);
  const county = counties.some((c) => c.code === wanted.county) ? wanted.county : "";
  const townships: RegionOption[] = county ? townshipList : [];
  const township = townships.some((t) => t.code === wanted.township) ? wanted.township : "";
  const villages: RegionOption[] = township ? villageList : [];
  const village = villages.some((v) => v.code === wanted.village) ? wanted.village : "";
  const value: RegionSelection = { county, township, village };
  return { counties, townships, villages, value };
}

/** The county code (GB/T 2260: the first six digits) of any 12-digit region code. */
export const countyOf = (regionCode: string) => (/^\d{12}$/.test(regionCode) ? `${regionCode.slice(0, 6)}000000` : undefined);
