"use client";

import { useEffect, useRef, useState, type PointerEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorList } from "@/components/forms/field";

// On-screen signatures for parties present at a tablet. Optional: the printed agreement carries
// signature lines for everyone, so a keyboard or screen-reader user simply skips the pads and the
// parties sign on paper. Each pad keeps its PNG in a hidden input named signatures.<partyId>.

const WIDTH = 480;
const HEIGHT = 160;

export type SignatureParty = { id: number; name: string; roleLabel: string };

/** One pad per party, each opened on demand (a 25-party case does not draw 25 canvases at once). */
export function SignaturePads({ parties, errors }: { parties: SignatureParty[]; errors?: Record<string, string[] | undefined> }) {
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">当事人现场签名（选填）</legend>
      <p id="signature-pads-hint" className="text-sm text-slate-600">
        当事人在平板电脑上用手指或手写笔签名；不在现场或不便在屏幕上签名的，打印协议书后在纸面签名（盖章或按指印）即可。
      </p>
      <ul className="space-y-2">
        {parties.map((p) => (
          <li key={p.id}>
            <SignaturePad party={p} errors={errors?.[`signatures.${p.id}`]} />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function SignaturePad({ party, errors }: { party: SignatureParty; errors?: string[] }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = `signature-${party.id}-error`;

  // The form resets after a successful save; the pad follows its hidden input back to empty.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onReset = () => {
      setValue("");
      setOpen(false);
    };
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);

  // Reopening a pad shows the signature it holds (only when it opens, not on every stroke).
  useEffect(() => {
    if (!open || !value) return;
    const image = new Image();
    image.onload = () => canvasRef.current?.getContext("2d")?.drawImage(image, 0, 0);
    image.src = value;
  }, [open]);

  function context() {
    const ctx = canvasRef.current?.getContext("2d");
    if (ctx) {
      ctx.lineWidth = 3;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "#000";
    }
    return ctx;
  }

  function point(e: PointerEvent<HTMLCanvasElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * WIDTH) / rect.width, y: ((e.clientY - rect.top) * HEIGHT) / rect.height };
  }

  function start(e: PointerEvent<HTMLCanvasElement>) {
    const ctx = context();
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const { x, y } = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
  }

  function move(e: PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current) return;
    const ctx = context();
    if (!ctx) return;
    const { x, y } = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  }

  function end() {
    if (!drawing.current) return;
    drawing.current = false;
    setValue(canvasRef.current?.toDataURL("image/png") ?? "");
  }

  function clear() {
    canvasRef.current?.getContext("2d")?.clearRect(0, 0, WIDTH, HEIGHT);
    setValue("");
  }

  const label = `${party.roleLabel} ${party.name}`;
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <input ref={inputRef} type="hidden" name={`signatures.${party.id}`} value={value} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          {label}
          <span className="ml-2 text-sm text-slate-600">{value ? "已签名" : "未签名"}</span>
        </span>
        <Button variant="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "收起签名板" : "在屏幕上签名"}
        </Button>
      </div>
      {open ? (
        <div className="mt-2 space-y-2">
          <canvas
            ref={canvasRef}
            width={WIDTH}
            height={HEIGHT}
            role="img"
            aria-label={`${label}的签名板：用手指或手写笔在此书写，可不填`}
            aria-describedby={errors?.length ? errorId : "signature-pads-hint"}
            className="block w-full max-w-[480px] touch-none rounded border-2 border-dashed border-slate-400 bg-white"
            onPointerDown={start}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
          />
          <Button variant="ghost" onClick={clear}>
            清除
          </Button>
        </div>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
