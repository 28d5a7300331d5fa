// Display helpers. Dates are shown in the educator's own locale; stored values stay ISO.

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "2025-03-14" -> "14 Mar 2025" (in the user's locale); "" stays "". */
export function formatDay(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  // Built from parts so the day does not shift with the time zone.
  return dayFormat.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "14 Mar 2025 – 2 Jun 2025", a single day, or "" when neither is set. */
export function formatDayRange(start: string, end: string): string {
  if (start && end && start !== end) return `${formatDay(start)} – ${formatDay(end)}`;
  return formatDay(start || end);
}

/** An RFC 3339 time as a readable date and time; "" for a missing or zero time. */
export function formatTime(rfc3339: string | undefined): string {
  if (!rfc3339 || rfc3339.startsWith('0001-')) return '';
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}

/** An RFC 3339 time as its day in the educator's time zone, "30 Nov 2026"; "" for a missing or zero time. */
export function formatTimeDay(rfc3339: string | undefined): string {
  if (!rfc3339 || rfc3339.startsWith('0001-')) return '';
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? '' : dayFormat.format(d);
}

const sizeUnits = ['bytes', 'KB', 'MB', 'GB'];

/** 1536 -> "1.5 KB". */
export function humanSize(bytes: number | undefined): string {
  let value = bytes ?? 0;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${sizeUnits[unit]}`;
}

/** Whitespace-separated words, counted exactly as the Go side's portfolio.WordCount does. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** "1 word", "3 words". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short type name for a file: "PDF", "JPEG image", falling back to the extension. */
export function fileTypeLabel(mediaType: string | undefined, fileName: string | undefined): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/jpeg': 'JPEG image',
    'image/png': 'PNG image',
    'image/gif': 'GIF image',
    'image/webp': 'WebP image',
    'text/plain': 'Text',
    'video/mp4': 'MP4 video',
    'audio/mpeg': 'MP3 audio',
  };
  if (mediaType && known[mediaType]) return known[mediaType];
  const ext = fileName?.includes('.') ? fileName.split('.').pop() : '';
  return ext ? `${ext.toUpperCase()} file` : 'File';
}

/** "AB:CD:EF:01:…:99" -> "AB:CD:EF:01 … 96:97:98:99": enough to recognise a certificate at a glance. */
export function shortFingerprint(fingerprint: string): string {
  const pairs = fingerprint.split(':');
  if (pairs.length <= 8) return fingerprint;
  return `${pairs.slice(0, 4).join(':')} … ${pairs.slice(-4).join(':')}`;
}
