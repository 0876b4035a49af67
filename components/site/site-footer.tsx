import { HOTLINE } from "@/components/site/hotline";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-slate-700">
        <p className="text-lg">
          法律服务热线{" "}
          <a href={`tel:${HOTLINE}`} className="font-bold">
            {HOTLINE}
          </a>
        </p>
        <p>云岭市司法局</p>
      </div>
    </footer>
  );
}
