import { Module } from '@nestjs/common';
import { DocumentRenderer } from './document-renderer.service';

/** The one renderer of documents (report and tjänsteskrivelse) and its warm Chromium, shared by their modules. */
@Module({ providers: [DocumentRenderer], exports: [DocumentRenderer] })
export class DocumentsModule {}
