"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { chooseVoice, extractReadableText, splitForSpeech, type ReadableNode } from "@/components/accessibility/read-aloud-text";

// 朗读: reads the page's main content (or its [data-read-aloud] part) with the browser's own speech
// synthesis — nothing is sent anywhere. Where the browser has no speech synthesis or no Chinese
// voice on the device, the control is simply not there (the wrapper says why in data-speech-status).

type Status = "pending" | "unsupported" | "idle" | "speaking" | "paused";

/** Voices load asynchronously (Chrome fires voiceschanged); after this long without one, give up. */
const VOICE_WAIT_MS = 2000;

function speechApi(): SpeechSynthesis | null {
  const w = window as { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: unknown };
  return w.speechSynthesis && typeof w.speechSynthesis.speak === "function" && typeof w.SpeechSynthesisUtterance === "function"
    ? w.speechSynthesis
    : null;
}

/** Not rendered (display: none, a closed <details>, visibility: hidden): not read either. */
function isHidden(node: ReadableNode): boolean {
  const el = node as unknown as Element;
  return typeof el.checkVisibility === "function" && !el.checkVisibility({ visibilityProperty: true });
}

export function ReadAloud() {
  const [status, setStatus] = useState<Status>("pending");
  const voice = useRef<SpeechSynthesisVoice | null>(null);
  // Chrome drops an utterance that nothing references any more, and its end event with it.
  const utterances = useRef<SpeechSynthesisUtterance[]>([]);
  const run = useRef(0);
  const mainButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    const synth = speechApi();
    if (!synth) {
      setStatus("unsupported");
      return;
    }
    const pick = () => {
      const found = chooseVoice(synth.getVoices());
      if (found) voice.current = found;
      return !!found;
    };
    if (pick()) {
      setStatus("idle");
      return;
    }
    const onVoices = () => {
      if (pick()) setStatus((s) => (s === "pending" || s === "unsupported" ? "idle" : s));
    };
    synth.addEventListener("voiceschanged", onVoices);
    const timer = window.setTimeout(() => setStatus((s) => (s === "pending" ? "unsupported" : s)), VOICE_WAIT_MS);
    return () => {
      synth.removeEventListener("voiceschanged", onVoices);
      window.clearTimeout(timer);
    };
  }, []);

  // Reading stops when the reader leaves the page (client navigation or unload).
  useEffect(() => {
    const stop = () => {
      if (!utterances.current.length) return;
      run.current++;
      utterances.current = [];
      speechApi()?.cancel();
      setStatus((s) => (s === "speaking" || s === "paused" ? "idle" : s));
    };
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [pathname]);

  const finish = (id: number, cancel: boolean) => {
    if (id !== run.current) return;
    run.current++;
    utterances.current = [];
    if (cancel) speechApi()?.cancel();
    // The 停止 button goes away with the reading: keep keyboard focus on the control.
    if (document.activeElement === stopButton.current) mainButton.current?.focus();
    setStatus("idle");
  };

  const start = () => {
    const synth = speechApi();
    const root = document.querySelector("[data-read-aloud]") ?? document.querySelector("main");
    if (!synth || !root) return;
    const chunks = splitForSpeech(extractReadableText(root, isHidden));
    if (!chunks.length) return;
    synth.cancel();
    // A reading paused on an earlier page would leave the new one queued behind the pause.
    if (synth.paused) synth.resume();
    const id = ++run.current;
    utterances.current = chunks.map((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = "zh-CN";
      if (voice.current) u.voice = voice.current;
      // A little slower than the default: the control is there mostly for older readers.
      u.rate = 0.9;
      if (i === chunks.length - 1) u.onend = () => finish(id, false);
      u.onerror = (e) => {
        if (e.error !== "interrupted" && e.error !== "canceled") finish(id, true);
      };
      return u;
    });
    for (const u of utterances.current) synth.speak(u);
    setStatus("speaking");
  };

  const toggle = () => {
    const synth = speechApi();
    if (!synth) return;
    if (status === "speaking") {
      synth.pause();
      setStatus("paused");
    } else if (status === "paused") {
      synth.resume();
      setStatus("speaking");
    } else {
      start();
    }
  };

  const ready = status === "idle" || status === "speaking" || status === "paused";
  return (
    <div data-speech-status={status} className="flex items-center gap-2">
      {ready ? (
        <button
          ref={mainButton}
          type="button"
          onClick={toggle}
          className="inline-flex min-h-11 items-center gap-2 rounded-md border-2 border-slate-500 bg-white px-3 font-medium text-slate-900 hover:bg-slate-100"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
            <path d="M4 9v6h4l5 4V5L8 9H4z" strokeLinejoin="round" />
            {status === "idle" ? <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" strokeLinecap="round" /> : null}
          </svg>
          {status === "speaking" ? "暂停" : status === "paused" ? "继续" : "朗读"}
        </button>
      ) : null}
      {status === "speaking" || status === "paused" ? (
        <button
          ref={stopButton}
          type="button"
          onClick={() => {
            finish(run.current, true);
            mainButton.current?.focus();
          }}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-slate-500 bg-white px-3 font-medium text-slate-900 hover:bg-slate-100"
        >
          停止
        </button>
      ) : null}
    </div>
  );
}
