import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';

/** Marks a route that takes a file as multipart/form-data; every other write takes JSON only. */
export const UPLOAD_ROUTE = 'rapportflode:upload-route';

export function UploadRoute(): MethodDecorator {
  return applyDecorators(ApiConsumes('multipart/form-data'), SetMetadata(UPLOAD_ROUTE, true));
}
