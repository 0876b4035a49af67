import { setElderModeAction } from "@/app/settings/actions";
import { cn } from "@/components/ui/cn";

/**
 * The 关怀模式 switch: a real toggle button (aria-pressed) inside a tiny form, so it works before
 * the page's JavaScript has loaded and without it (progressive enhancement; the action sets a cookie).
 * The name stays "关怀模式" in both states; the state is aria-pressed and the 开/关 mark beside it.
 */
// React calls a form's action with the FormData alone and ignores what it returns (the door's Result).
const toggle = setElderModeAction as unknown as (formData: FormData) => Promise<void>;

export function ElderModeToggle({ on }: { on: boolean }) {
  return (
    <form action={toggle}>
      <input type="hidden" name="elder" value={on ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={on}
        aria-describedby="elder-mode-hint"
        className={cn(
          "inline-flex min-h-11 items-center gap-2 rounded-md border-2 px-3 font-medium",
          on ? "border-primary bg-primary text-white hover:bg-primary-hover" : "border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
        )}
      >
        关怀模式
        <span
          aria-hidden="true"
          className={cn("rounded-full px-2 text-sm font-bold", on ? "bg-white text-primary" : "bg-slate-700 text-white")}
        >
          {on ? "开" : "关"}
        </span>
      </button>
      <span id="elder-mode-hint" className="sr-only">
        {on ? "已开启：字更大、颜色更深、页面更简洁。再按一次恢复普通页面。" : "开启后字更大、颜色更深、页面更简洁。"}
      </span>
    </form>
  );
}
