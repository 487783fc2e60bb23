import { randomBytes } from 'node:crypto';

/**
 * The upload and download URLs the API hands out. Like CDF's (signed cloud-storage URLs), they need
 * no bearer token: the secret is in the URL. Download links expire (30 s, or 1 h when extended).
 */
export class ContentLinks {
  private readonly uploads = new Map<string, number>();
  private readonly downloads = new Map<string, { fileId: number; expires: number }>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  uploadUrl(fileId: number): string {
    const token = randomBytes(18).toString('base64url');
    this.uploads.set(token, fileId);
    return `${this.baseUrl()}/files-content/upload/${token}`;
  }

  uploadTarget(token: string): number | undefined {
    return this.uploads.get(token);
  }

  downloadUrl(fileId: number, extendedExpiration: boolean): string {
    const token = randomBytes(18).toString('base64url');
    this.downloads.set(token, { fileId, expires: this.now() + (extendedExpiration ? 3_600_000 : 30_000) });
    if (this.downloads.size > 10_000) this.forgetExpired();
    return `${this.baseUrl()}/files-content/download/${token}`;
  }

  /** The file behind a download token, 'expired', or undefined for an unknown token. */
  downloadTarget(token: string): number | 'expired' | undefined {
    const link = this.downloads.get(token);
    if (!link) return undefined;
    return link.expires < this.now() ? 'expired' : link.fileId;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, link] of this.downloads) if (link.expires < now) this.downloads.delete(token);
  }
}
