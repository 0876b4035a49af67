import { describe, expect, it } from "vitest";
import { chooseVoice, extractReadableText, speakableDigits, splitForSpeech, type ReadableNode } from "@/components/accessibility/read-aloud-text";

// A minimal DOM: just what extractReadableText reads from a real Node.
type Attrs = Record<string, string>;
function el(tag: string, attrs: Attrs, ...children: (ReadableNode | string)[]): ReadableNode {
  return {
    nodeType: 1,
    nodeName: tag.toUpperCase(),
    nodeValue: null,
    childNodes: children.map((c) => (typeof c === "string" ? text(c) : c)),
    getAttribute: (name) => (name in attrs ? attrs[name] : null),
  };
}
function text(value: string): ReadableNode {
  return { nodeType: 3, nodeName: "#text", nodeValue: value, childNodes: [] };
}

describe("extractReadableText", () => {
  it("reads blocks as separate lines and inline text as one", () => {
    const main = el("main", {},
      el("h1", {}, "申请法律援助"),
      el("p", {}, "经济困难的，", el("strong", {}, "可以免费"), "请律师。"),
      el("ul", {}, el("li", {}, "第一步"), el("li", {}, "第二步")),
    );
    expect(extractReadableText(main)).toBe("申请法律援助\n经济困难的，可以免费请律师。\n第一步\n第二步");
  });

  it("collapses the whitespace of the markup", () => {
    expect(extractReadableText(el("p", {}, "\n    法律服务热线 ", "\n   12348  "))).toBe("法律服务热线 12348");
  });

  it("skips navigation, form controls, hidden and aria-hidden parts, scripts, and marked parts", () => {
    const main = el("main", {},
      el("nav", { "aria-label": "面包屑" }, "首页 / 我的工单"),
      el("p", {}, "请填写您的问题。"),
      el("form", {},
        el("label", { for: "q" }, "问题描述"),
        el("textarea", { id: "q" }, "草稿内容"),
        el("select", {}, el("option", {}, "青溪区"), el("option", {}, "文昌街道")),
        el("button", { type: "submit" }, "提交"),
      ),
      el("span", { "aria-hidden": "true" }, "⚠"),
      el("div", { hidden: "" }, "隐藏的说明"),
      el("div", { "data-read-aloud-skip": "" }, "不必读的部分"),
      el("script", {}, "var x = 1;"),
      el("svg", {}, el("title", {}, "图标")),
    );
    expect(extractReadableText(main)).toBe("请填写您的问题。\n问题描述");
  });

  it("keeps visually hidden (sr-only) text and image descriptions", () => {
    const main = el("main", {},
      el("p", {}, "姓名", el("span", { class: "sr-only" }, "（必填）")),
      el("p", {}, el("img", { alt: "二维码：扫码在线咨询", src: "/qr.png" })),
      el("p", {}, el("img", { alt: "", src: "/deco.png" }), "装饰图不读"),
    );
    expect(extractReadableText(main)).toBe("姓名（必填）\n二维码：扫码在线咨询\n装饰图不读");
  });

  it("leaves out what the page does not show", () => {
    const closed = el("div", { class: "hidden" }, "只在大屏显示");
    const main = el("main", {}, el("p", {}, "看得见"), closed);
    expect(extractReadableText(main, (n) => n === closed)).toBe("看得见");
  });

  it("treats a line break as the end of a line", () => {
    expect(extractReadableText(el("address", {}, "文昌街道", el("br", {}), "幸福路 8 号"))).toBe("文昌街道\n幸福路 8 号");
  });
});

describe("splitForSpeech", () => {
  it("speaks one sentence at a time, lines first", () => {
    expect(splitForSpeech("我们提供的服务\n遇到法律问题，可到任一网点咨询。对服务不满意？可以投诉！邻里纠纷；婚姻家庭")).toEqual([
      "我们提供的服务",
      "遇到法律问题，可到任一网点咨询。",
      "对服务不满意？",
      "可以投诉！",
      "邻里纠纷；",
      "婚姻家庭",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(splitForSpeech("点“关怀模式。”然后（看这里。）再读")).toEqual(["点“关怀模式。”", "然后（看这里。）", "再读"]);
  });

  it("cuts a long sentence at commas, never past the limit, and loses no text", () => {
    const clause = "当事人因经济困难没有委托代理人的，";
    const long = `${clause.repeat(6)}可以申请法律援助。`;
    const pieces = splitForSpeech(long, 40);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(40);
    expect(pieces.join("")).toBe(long);
    expect(pieces[0].endsWith("，")).toBe(true);
  });

  it("hard-cuts text with no punctuation at all", () => {
    const run = "法".repeat(130);
    const pieces = splitForSpeech(run, 50);
    expect(pieces.map((p) => p.length)).toEqual([50, 50, 30]);
  });

  it("drops pieces with nothing to say", () => {
    expect(splitForSpeech("——\n。。。\n…\n好。")).toEqual(["好。"]);
    expect(splitForSpeech("")).toEqual([]);
  });

  it("leaves out arrows, warning signs and emoji", () => {
    expect(splitForSpeech("← 返回我的服务\n⚠ 请填写姓名。✓ 已保存 👍")).toEqual(["返回我的服务", "请填写姓名。", "已保存"]);
  });

  it("says long numbers digit by digit, still within the limit", () => {
    expect(splitForSpeech("请拨打 12348 咨询。")).toEqual(["请拨打 1 2 3 4 8 咨询。"]);
    const pieces = splitForSpeech("工单编号369901-20261122-0000017，联系电话13800000001，请记好。", 30);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(30);
    expect(pieces).toContain("联系电话1 3 8 0 0 0 0 0 0 0 1，请记好。");
  });
});

describe("speakableDigits", () => {
  it("spells out hotlines, phone and case numbers", () => {
    expect(speakableDigits("热线12348")).toBe("热线1 2 3 4 8");
    expect(speakableDigits("电话 13800000001")).toBe("电话 1 3 8 0 0 0 0 0 0 0 1");
    expect(speakableDigits("369901-20261122")).toBe("3 6 9 9 0 1-2 0 2 6 1 1 2 2");
  });

  it("leaves amounts, years and short numbers whole", () => {
    for (const s of ["月收入 12000 元", "常住人口 426000人", "2026年11月22日", "第 3 步", "15000.50", "12,348", "123456,789"]) expect(speakableDigits(s)).toBe(s);
    expect(speakableDigits("电话13800000001，请记好")).toBe("电话1 3 8 0 0 0 0 0 0 0 1，请记好");
  });
});

describe("chooseVoice", () => {
  const v = (lang: string, localService = true, isDefault = false) => ({ lang, localService, default: isDefault, name: `${lang}${localService ? "" : " online"}` });

  it("prefers mainland Mandarin, then other Mandarin, then any Chinese voice", () => {
    expect(chooseVoice([v("en-US", true, true), v("zh-HK"), v("zh-TW"), v("zh-CN")])?.lang).toBe("zh-CN");
    expect(chooseVoice([v("zh-HK"), v("zh-TW")])?.lang).toBe("zh-TW");
    expect(chooseVoice([v("yue-HK")])?.lang).toBe("yue-HK");
    expect(chooseVoice([v("cmn-Hans-CN")])?.lang).toBe("cmn-Hans-CN");
    expect(chooseVoice([v("zh_CN")])?.lang).toBe("zh_CN");
  });

  it("never uses an online voice: the page text must not leave the browser", () => {
    expect(chooseVoice([v("zh-CN", false, true)])).toBeNull();
    expect(chooseVoice([v("zh-CN", false, true), v("zh-TW", true)])?.name).toBe("zh-TW");
  });

  it("takes the device default among equals", () => {
    const voices = [v("zh-CN"), { ...v("zh-CN", true, true), name: "default" }];
    expect(chooseVoice(voices)?.name).toBe("default");
  });

  it("has no voice without a Chinese one", () => {
    expect(chooseVoice([])).toBeNull();
    expect(chooseVoice([v("en-US"), v("ja-JP"), v("ko-KR")])).toBeNull();
  });
});
