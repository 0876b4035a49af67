type Attachment = { id: number; fileName: string; contentType: string; size: number };

const KIND: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "图片", "image/png": "图片", "image/webp": "图片" };
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The order's attachments, each saved through the scoped, audited download door (always a download, never shown inline). */
export function AttachmentList({
  number,
  attachments,
  base = "/api/v1/work-orders",
  title = "附件",
}: {
  number: string;
  attachments: Attachment[];
  /** the download door: work orders, or legal-aid cases (which the assigned lawyer may also open) */
  base?: "/api/v1/work-orders" | "/api/v1/legal-aid/applications";
  title?: string;
}) {
  if (attachments.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="font-semibold">{title}（{attachments.length}）</h3>
      <ul className="mt-2 space-y-1">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`${base}/${number}/attachments/${a.id}`} download className="inline-flex min-h-11 items-center">
              {a.fileName}
            </a>
            <span className="ml-2 text-slate-600">（{KIND[a.contentType] ?? "文件"}，{size(a.size)}）</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
