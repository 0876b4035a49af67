// "Chrome · Windows", "微信 · iPhone": enough for a person to recognise their own device in a list of
// sessions or sign-ins. Not a full parser — order matters, since most browsers also claim to be
// Chrome/Safari/Mozilla.

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, "微信"],
  [/DingTalk/i, "钉钉"],
  [/AlipayClient/i, "支付宝"],
  [/QQBrowser/i, "QQ浏览器"],
  [/UCBrowser/i, "UC浏览器"],
  [/360SE|360EE/i, "360浏览器"],
  [/HeadlessChrome/i, "无界面浏览器"],
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/Firefox\/|FxiOS/, "Firefox"],
  [/Chrome\/|CriOS/, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/i, "鸿蒙"],
  [/Android/i, "Android"],
  [/iPhone/i, "iPhone"],
  [/iPad/i, "iPad"],
  [/Windows/i, "Windows"],
  [/Mac OS X|Macintosh/i, "macOS"],
  [/Linux/i, "Linux"],
];

export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return "未知设备";
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (!browser && !system) return "其他设备";
  return [browser ?? "其他浏览器", system].filter(Boolean).join(" · ");
}
