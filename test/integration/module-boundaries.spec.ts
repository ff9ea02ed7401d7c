import { ESLint } from 'eslint';
import { join } from 'node:path';

// The module boundaries of docs/architecture.md, proven against the real lint config
// and Nx project graph: each snippet is linted as if it were written at the given path.
const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleErrors(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it.each(['@angular/core', '@nestjs/common', 'typeorm', 'rxjs', 'bullmq'])(
    'libs/domain may not import %s',
    async (framework) => {
      const errors = await boundaryErrors(
        'libs/domain/src/lib/boundary-probe.ts',
        `import * as framework from '${framework}';\nexport const probe = framework;\n`,
      );
      expect(errors).toEqual([`A project tagged with "type:domain" is not allowed to import "${framework}"`]);
    },
  );

  it('the frontend may not import the backend', async () => {
    const errors = await boundaryErrors(
      'frontend/src/app/boundary-probe.ts',
      `import { AppModule } from '../../../backend/src/app.module';\nexport const probe = AppModule;\n`,
    );
    expect(errors.length).toBe(1);
  });

  it('the backend may not import the frontend', async () => {
    const errors = await boundaryErrors(
      'backend/src/boundary-probe.ts',
      `import { App } from '../../frontend/src/app/app';\nexport const probe = App;\n`,
    );
    expect(errors.length).toBe(1);
  });

  it('libs/api-contract may use libs/domain but no package', async () => {
    expect(
      await boundaryErrors(
        'libs/api-contract/src/lib/boundary-probe.ts',
        `import type { OrganisationUnitNode } from '@rapportflode/domain';\nexport type Probe = OrganisationUnitNode;\n`,
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'libs/api-contract/src/lib/boundary-probe.ts',
        `import { Observable } from 'rxjs';\nexport type Probe = Observable<number>;\n`,
      ),
    ).toEqual(['A project tagged with "type:contract" is not allowed to import "rxjs"']);
  });

  it('both applications may use the shared libraries', async () => {
    for (const path of ['frontend/src/app/boundary-probe.ts', 'backend/src/boundary-probe.ts']) {
      expect(
        await boundaryErrors(path, `import { formatNumber } from '@rapportflode/domain';\nexport const probe = formatNumber;\n`),
      ).toEqual([]);
    }
  });

  describe('the backend data layer', () => {
    const sql = `export async function probe(db: { query(sql: string): Promise<unknown> }) {\n  return db.query('SELECT 1');\n}\n`;

    it('refuses SQL in a service and allows it in a repository or a migration', async () => {
      expect(await ruleErrors('backend/src/modules/tasks/probe.service.ts', sql, 'no-restricted-syntax')).toEqual([
        'SQL belongs in a *.repository.ts of the module that owns the table (docs/architecture.md, "Data layer").',
      ]);
      expect(await ruleErrors('backend/src/modules/tasks/probe.repository.ts', sql, 'no-restricted-syntax')).toEqual([]);
      expect(await ruleErrors('backend/src/database/migrations/1-Probe.ts', sql, 'no-restricted-syntax')).toEqual([]);
    });

    it("refuses a module importing another module's repository, and allows its own", async () => {
      const importing = (from: string) => `import { Probe } from '${from}';\nexport const probe = Probe;\n`;
      expect(await ruleErrors('backend/src/modules/memos/probe.service.ts', importing('../tasks/tasks.repository'), 'no-restricted-imports')).toHaveLength(1);
      expect(await ruleErrors('backend/src/modules/memos/probe.service.ts', importing('./memos.repository'), 'no-restricted-imports')).toEqual([]);
      expect(await ruleErrors('backend/src/modules/memos/probe.service.ts', importing('../tasks/tasks.service'), 'no-restricted-imports')).toEqual([]);
    });
  });
});
