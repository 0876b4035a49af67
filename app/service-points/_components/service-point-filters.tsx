"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { TIER_SHORT_LABELS } from "@/lib/network/rules";

type Option = { code: string; name: string };
type Values = { county: string; township: string; tier: string; q: string; lat: string; lng: string };

/**
 * The finder's filters: a GET form (works without JavaScript); choosing a county reloads the
 * township list. "离我最近" asks the browser for its position (nothing leaves the page but the
 * coordinates in the query) and sorts by distance; no map tiles are loaded.
 */
export function ServicePointFilters({ counties, townships, values }: { counties: Option[]; townships: Option[]; values: Values }) {
  const router = useRouter();
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);

  function go(next: Partial<Values>) {
    const merged = { ...values, ...next };
    const params = new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as [string, string][]);
    router.push(`/service-points?${params}`);
  }

  function nearMe() {
    setLocationError(null);
    if (!("geolocation" in navigator)) {
      setLocationError("您的浏览器不支持定位，请按地区查找。");
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        go({ lat: pos.coords.latitude.toFixed(5), lng: pos.coords.longitude.toFixed(5) });
      },
      () => {
        setLocating(false);
        setLocationError("没有取得您的位置（可能未允许定位），请按地区查找。");
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  }

  return (
    <form method="get" action="/service-points" className="rounded-lg border border-slate-200 bg-white p-4" role="search" aria-label="筛选网点">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="filter-county" className="block font-medium">县（市、区）</label>
          <Select id="filter-county" name="county" defaultValue={values.county} onChange={(e) => go({ county: e.target.value, township: "" })}>
            <option value="">全部</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-township" className="block font-medium">乡镇（街道）</label>
          <Select
            id="filter-township"
            name="township"
            defaultValue={values.township}
            disabled={!values.county}
            aria-describedby={!values.county ? "filter-township-hint" : undefined}
            onChange={(e) => go({ township: e.target.value })}
          >
            <option value="">全部</option>
            {townships.map((t) => (
              <option key={t.code} value={t.code}>{t.name}</option>
            ))}
          </Select>
          {!values.county ? <p id="filter-township-hint" className="mt-1 text-sm text-slate-600">请先选择县（市、区）</p> : null}
        </div>
        <div>
          <label htmlFor="filter-tier" className="block font-medium">网点类型</label>
          <Select id="filter-tier" name="tier" defaultValue={values.tier}>
            <option value="">全部</option>
            {Object.entries(TIER_SHORT_LABELS).map(([k, label]) => (
              <option key={k} value={k}>{label}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-q" className="block font-medium">关键词</label>
          <Input id="filter-q" name="q" defaultValue={values.q} placeholder="网点名称、地址或村名" maxLength={40} />
        </div>
      </div>
      {values.lat && values.lng ? (
        <>
          <input type="hidden" name="lat" value={values.lat} />
          <input type="hidden" name="lng" value={values.lng} />
        </>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="submit">查找</Button>
        <Button variant="secondary" onClick={nearMe} disabled={locating}>
          {locating ? "正在定位…" : "离我最近"}
        </Button>
        {values.lat ? (
          <Button variant="ghost" onClick={() => go({ lat: "", lng: "" })}>
            不按距离排序
          </Button>
        ) : null}
      </div>
      <p role="status" className="mt-2 text-danger">{locationError}</p>
    </form>
  );
}
