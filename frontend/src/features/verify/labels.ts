// Words for the technical parts of a signature report.

const formats: Record<string, string> = {
  'ETSI.CAdES.detached': 'PAdES (ETSI.CAdES.detached)',
  'adbe.pkcs7.detached': 'PDF signature, CMS (adbe.pkcs7.detached)',
};

/** The signature's format in words, with the PDF name a specialist would look for. */
export function formatLabel(subFilter: string): string {
  if (subFilter === '') return 'Detached CMS signature';
  return formats[subFilter] ?? `Unknown format (${subFilter})`;
}

/** Whether the signer was checked against trusted certificates, in words. */
export function trustLabel(trusted: boolean | null | undefined): string {
  if (trusted === true) return 'Trusted: the certificate is one you trust, or is issued by one.';
  if (trusted === false) return 'Not trusted: the certificate is not one you trust.';
  return 'Not checked against trusted certificates.';
}
