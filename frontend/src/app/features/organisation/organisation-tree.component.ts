import { ChangeDetectionStrategy, Component, forwardRef, input } from '@angular/core';
import { ORGANISATION_UNIT_KIND_LABELS, OrganisationUnitNode } from '@rapportflode/domain';

/** The units of a committee as nested lists: readable as a tree by screen readers, no script needed to expand. */
@Component({
  selector: 'rf-organisation-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The tree renders itself for the children; explicit so JIT (unit tests) resolves it as AOT does.
  imports: [forwardRef(() => OrganisationTreeComponent)],
  template: `
    <ul [attr.aria-label]="label() || null" [class.root]="!label()">
      @for (node of nodes(); track node.id) {
        <li [class.inactive]="!node.active" [attr.data-kind]="node.kind">
          <span class="unit">
            <span class="name">{{ node.name }}</span>
            @if (node.code) {
              <abbr class="code" [attr.title]="node.name">{{ node.code }}</abbr>
            }
            <span class="kind">{{ kindLabels[node.kind] }}</span>
            @if (!node.active) {
              <span class="kind">inaktiv</span>
            }
          </span>
          @if (node.children.length > 0) {
            <rf-organisation-tree [nodes]="node.children" />
          }
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0;
      padding-left: 1.5rem;
      border-left: 1px solid var(--mat-sys-outline-variant);
    }
    ul[aria-label] {
      padding-left: 0;
      border-left: none;
    }
    li {
      margin: 0.35rem 0;
    }
    .unit {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
    }
    li[data-kind='administration'] > .unit .name,
    li[data-kind='operating_area'] > .unit .name {
      font-weight: 600;
    }
    .code {
      text-decoration: none;
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      font: var(--mat-sys-label-medium);
      padding: 0 0.5rem;
      border-radius: 1rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .inactive .name {
      text-decoration: line-through;
    }
  `,
})
export class OrganisationTreeComponent {
  readonly nodes = input.required<readonly OrganisationUnitNode[]>();
  /** Set on the outermost list only: names the tree for assistive technology. */
  readonly label = input<string>('');
  protected readonly kindLabels = ORGANISATION_UNIT_KIND_LABELS;
}
