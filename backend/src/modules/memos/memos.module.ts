import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MemosController } from './memos.controller';
import { MemosService } from './memos.service';

/** The tjänsteskrivelse of a cycle: content, workflow, figures check and the rendered files. */
@Module({
  imports: [DocumentsModule],
  controllers: [MemosController],
  providers: [MemosService],
})
export class MemosModule {}
