import { Directive, forwardRef, input } from '@angular/core';
import { ROW_COMMENT_BLOCK, type RowCommentBlock } from './row-comments';

/**
 * On a block's editor in a section made of blocks (blocks-section.component.html): the block's
 * key, so that the row comments of the editor's table are those of this block's rows
 * (libs/domain row-anchor.ts, commentRowId).
 */
@Directive({
  selector: '[rfRowCommentBlock]',
  providers: [{ provide: ROW_COMMENT_BLOCK, useExisting: forwardRef(() => RowCommentBlockDirective) }],
})
export class RowCommentBlockDirective implements RowCommentBlock {
  readonly rfRowCommentBlock = input.required<string>();

  block(): string | null {
    return this.rfRowCommentBlock();
  }
}
