import { Select } from "@/components/ui/select";

export type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  /** [value, label] pairs after the "all" option */
  options: readonly (readonly [string, string])[];
  /** the first option, meaning "no filter" */
  all?: readonly [string, string];
};

/** A labelled select for GET filter forms (inboxes, finders): "all" first, then the choices. */
export function FilterSelect({ id, name, label, defaultValue, options, all = ["", "全部"] }: FilterSelectProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <Select id={id} name={name} defaultValue={defaultValue ?? all[0]}>
        <option value={all[0]}>{all[1]}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </Select>
    </div>
  );
}
