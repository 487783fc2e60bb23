import { ApiError } from '../http/api-error';
import type { Route } from '../http/route';
import { placeholderContent } from '../demo/content';

/** The URLs `POST /files` and `/files/downloadlink` hand out. No bearer token: the URL is the secret. */
export const fileContentRoutes: Route[] = [
  {
    method: 'PUT',
    template: '/files-content/upload/{token}',
    scope: 'content',
    rawBody: true,
    precheck: (ctx) => {
      const id = ctx.links.uploadTarget(ctx.params.token ?? '');
      if (id === undefined || !ctx.store.files.get(id)) throw new ApiError(404, 'Unknown or expired upload URL');
    },
    handle: (ctx) => {
      const id = ctx.links.uploadTarget(ctx.params.token ?? '');
      const record = id === undefined ? undefined : ctx.store.files.get(id);
      if (!record) throw new ApiError(404, 'Unknown or expired upload URL');
      const now = ctx.now();
      ctx.store.setContent(record.id, ctx.rawBody);
      ctx.store.files.put({ ...record, uploaded: true, uploadedTime: now, lastUpdatedTime: now });
      return { json: {} };
    },
  },
  {
    method: 'GET',
    template: '/files-content/download/{token}',
    scope: 'content',
    handle: (ctx) => {
      const target = ctx.links.downloadTarget(ctx.params.token ?? '');
      if (target === 'expired') throw new ApiError(403, 'The download URL has expired');
      const record = target === undefined ? undefined : ctx.store.files.get(target);
      if (!record) throw new ApiError(404, 'Unknown download URL');
      const body = ctx.store.contents.get(record.id) ?? placeholderContent(record);
      return { raw: { body, contentType: record.mimeType ?? 'application/octet-stream' } };
    },
  },
];
