import { SERVICES, type ServiceKey } from "@/lib/network/rules";
import { cn } from "@/components/ui/cn";

export const serviceLabel = (key: string) => SERVICES[key as ServiceKey] ?? key;

/** The services a point offers, as a list of large, plain labels (the page and the poster). */
export function ServiceList({ services, className, itemClassName, label = "可办服务" }: { services: string[]; className?: string; itemClassName?: string; label?: string }) {
  if (services.length === 0) return <p className="text-slate-700">本网点暂未登记服务项目，请电话咨询。</p>;
  return (
    <ul aria-label={label} className={cn("flex flex-wrap gap-2", className)}>
      {services.map((s) => (
        <li key={s} className={cn("rounded-md border border-blue-200 bg-blue-50 px-3 py-1.5 text-lg font-medium text-blue-900", itemClassName)}>
          {serviceLabel(s)}
        </li>
      ))}
    </ul>
  );
}
