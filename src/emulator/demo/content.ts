import type { FileRecord } from '../../cdf/model';

/** A one-page PDF that shows `title`: demo P&IDs and reports open in a PDF viewer. */
function minimalPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, ' ').slice(0, 90);
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj 0 -24 Td (CDF Files demo content) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Content for a demo file nobody uploaded through the emulator: small, deterministic, honest about being a placeholder. */
export function placeholderContent(record: FileRecord): Buffer {
  if (record.mimeType === 'application/pdf') return minimalPdf(record.name);
  return Buffer.from(
    `CDF Files demo placeholder for "${record.name}" (${record.mimeType ?? 'unknown type'}), file id ${record.id}.\n`,
  );
}
