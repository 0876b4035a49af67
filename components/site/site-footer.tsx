import { HOTLINE } from "@/components/site/hotline";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-slate-700">
        <p className="text-lg elder:text-2xl">
          法律服务热线{" "}
          <a href={`tel:${HOTLINE}`} className="font-bold">
            {HOTLINE}
          </a>
        </p>
        <p>云岭市司法局</p>
        {/* A tip for those who have not found the tools yet: noise once 关怀模式 is on. */}
        <p data-nonessential className="text-slate-600">
          看不清字？点页面顶部的“关怀模式”，字会变大、颜色更深。浏览器支持朗读时，点“朗读”可以听本页内容。
        </p>
      </div>
    </footer>
  );
}
