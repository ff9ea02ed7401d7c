import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';

/** Marks a route that takes a file as multipart/form-data; every other write takes JSON only. */
export const UPLOAD_ROUTE = 'rapportflode:upload-route';

export function UploadRoute(): MethodDecorator {
  return applyDecorators(ApiConsumes('multipart/form-data'), SetMetadata(UPLOAD_ROUTE, true));
}

/** An uploaded file's name as the person sees it: multer hands it over as Latin-1 bytes of the UTF-8 the browser sent; control characters dropped. */
export function uploadedFileName(originalName: string, fallback: string): string {
  const decoded = Buffer.from(originalName, 'latin1').toString('utf8');
  return [...decoded].filter((ch) => ch.charCodeAt(0) >= 0x20).join('').slice(0, 255) || fallback;
}
