import type { Client } from 'pg';

/**
 * A generated municipality for the task benchmarks: `committees` nämnder, `units` enheter in
 * all (the first nämnd has `bigCommitteeUnits` of them, the rest share the others), each nämnd
 * a förvaltning with three verksamhetsområden; a unit head per enhet, a verksamhetschef per
 * område, a writer over the whole förvaltning, a secretary and an economist per nämnd; three
 * cycles a year (T1, T2, årsredovisning) with 12 unit sections and 4 nämnd-level sections.
 * Every cycle but the latest is approved; the latest is in mixed states.
 */
export interface MunicipalitySize {
  committees: number;
  units: number;
  bigCommitteeUnits: number;
  years: number[];
}

export interface GeneratedMunicipality {
  tasks: number;
  /** Emails of people in the first (big) nämnd. */
  unitHead: string;
  areaHead: string;
  writer: string;
  secretary: string;
  /** The big nämnd's latest cycle. */
  bigCycleId: string;
  bigCycleUnits: number;
  /** Editable tasks of the latest big cycle (for draft saves). */
  editableTaskIds: string[];
}

const UNIT_SECTIONS = 12;
const COMMITTEE_SECTIONS = 4;
const PERIODS = [
  { kind: 'tertial_report', end: '04-30' },
  { kind: 'interim_report', end: '08-31' },
  { kind: 'annual_report', end: '12-31' },
] as const;

export async function generateMunicipality(client: Client, size: MunicipalitySize, tag: string): Promise<GeneratedMunicipality> {
  const [{ password_hash: hash }] = (
    await client.query(`SELECT password_hash FROM app_user WHERE email = 'admin@rapportflode.example.se'`)
  ).rows;
  const rest = size.committees - 1;
  const perCommittee = (index: number) =>
    index === 0
      ? size.bigCommitteeUnits
      : Math.floor((size.units - size.bigCommitteeUnits) / rest) + (index <= (size.units - size.bigCommitteeUnits) % rest ? 1 : 0);

  let result: Partial<GeneratedMunicipality> = {};
  await client.query('BEGIN');
  for (let c = 0; c < size.committees; c += 1) {
    const leaves = size.committees === 1 ? size.units : perCommittee(c);
    const {
      rows: [committee],
    } = await client.query(`INSERT INTO committee (municipality, name, diary_prefix) VALUES ($1, $2, 'SN') RETURNING id`, [
      `${tag} kommun`,
      `Nämnd ${c + 1}`,
    ]);
    const {
      rows: [admin],
    } = await client.query(
      `INSERT INTO organisation_unit (committee_id, kind, name) VALUES ($1, 'administration', 'Förvaltningen') RETURNING id`,
      [committee.id],
    );
    const { rows: areas } = await client.query(
      `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, sort_order)
       SELECT $1, $2, 'operating_area', 'Område ' || a, a FROM generate_series(1, 3) a RETURNING id`,
      [committee.id, admin.id],
    );
    const { rows: units } = await client.query(
      `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, sort_order)
       SELECT $1, ($2::uuid[])[1 + (u % 3)], 'unit', 'Enhet ' || u, u FROM generate_series(1, $3::int) u RETURNING id`,
      [committee.id, areas.map((a) => a.id), leaves],
    );
    // People: a unit head per enhet, a verksamhetschef per område, a writer over the förvaltning, secretary, economist.
    const people: Array<[string, string, string | null]> = [
      ...units.map((u, i): [string, string, string | null] => [`head.${c}.${i}@${tag}.se`, 'unit_head', u.id]),
      ...areas.map((a, i): [string, string, string | null] => [`area.${c}.${i}@${tag}.se`, 'unit_head', a.id]),
      [`writer.${c}@${tag}.se`, 'unit_head', admin.id],
      [`secretary.${c}@${tag}.se`, 'secretary', null],
      [`economist.${c}@${tag}.se`, 'economist', null],
    ];
    await client.query(
      `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) AS x(email, role, unit_id)),
            created AS (INSERT INTO app_user (email, name, password_hash) SELECT email, email, $4 FROM p RETURNING id, email)
       INSERT INTO role_assignment (user_id, role, committee_id, unit_id)
       SELECT created.id, p.role, $5, p.unit_id FROM created JOIN p ON p.email = created.email`,
      [people.map((p) => p[0]), people.map((p) => p[1]), people.map((p) => p[2]), hash, committee.id],
    );
    // Cycles, sections, tasks.
    for (const [y, year] of size.years.entries()) {
      for (const [p, period] of PERIODS.entries()) {
        const latest = y === size.years.length - 1 && p === PERIODS.length - 1;
        const end = `${year}-${period.end}`;
        const next = (days: number) => new Date(Date.parse(`${end}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const {
          rows: [cycle],
        } = await client.query(
          `INSERT INTO report_cycle (committee_id, title, report_kind, year, period_end, diary_number, submission_deadline,
             review_deadline, assembly_deadline, meeting_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [committee.id, `${period.kind} ${year}`, period.kind, year, end, `SN.${year}.${p + 1}`, next(10), next(17), next(24), next(35)],
        );
        const { rows: sections } = await client.query(
          `INSERT INTO cycle_section (cycle_id, key, number, depth, sort_order, title, kind, reviewer_role)
           SELECT $1, 's' || n, n::text, 1, n, 'Avsnitt ' || n, CASE WHEN n % 3 = 0 THEN 'economy' ELSE 'narrative' END, 'economist'
             FROM generate_series(1, $2::int) n RETURNING id, sort_order`,
          [cycle.id, UNIT_SECTIONS + COMMITTEE_SECTIONS],
        );
        const unitSections = sections.filter((s) => s.sort_order <= UNIT_SECTIONS).map((s) => s.id);
        const committeeSections = sections.filter((s) => s.sort_order > UNIT_SECTIONS).map((s) => s.id);
        await client.query(
          `INSERT INTO task (cycle_id, section_id, unit_id, state, content)
           SELECT $1::uuid, s, u,
                  CASE WHEN $4::boolean THEN (ARRAY['not_started','draft','draft','submitted','returned','approved'])[1 + floor(random() * 6)::int]
                       ELSE 'approved' END,
                  '{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Periodens resultat följer budget."}]}]}'::jsonb
             FROM unnest($2::uuid[]) s CROSS JOIN unnest($3::uuid[]) u
           UNION ALL
           SELECT $1::uuid, s, NULL::uuid, CASE WHEN $4::boolean THEN 'draft' ELSE 'approved' END, '{"type":"doc","version":1,"content":[]}'::jsonb
             FROM unnest($5::uuid[]) s`,
          [cycle.id, unitSections, units.map((u) => u.id), latest, committeeSections],
        );
        if (c === 0 && latest) {
          const { rows: editable } = await client.query(
            // Text sections: the save benchmark sends a text document.
            `SELECT t.id FROM task t JOIN cycle_section s ON s.id = t.section_id
              WHERE t.cycle_id = $1 AND t.unit_id IS NOT NULL AND t.state IN ('not_started', 'draft') AND s.kind = 'narrative'
              ORDER BY t.id LIMIT 200`,
            [cycle.id],
          );
          result = { ...result, bigCycleId: cycle.id, bigCycleUnits: leaves, editableTaskIds: editable.map((r) => r.id) };
        }
      }
    }
    if (c === 0) {
      result = {
        ...result,
        unitHead: `head.0.0@${tag}.se`,
        areaHead: `area.0.0@${tag}.se`,
        writer: `writer.0@${tag}.se`,
        secretary: `secretary.0@${tag}.se`,
      };
    }
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
  const {
    rows: [{ count }],
  } = await client.query(
    `SELECT count(*)::int FROM task t JOIN report_cycle c ON c.id = t.cycle_id JOIN committee m ON m.id = c.committee_id WHERE m.municipality = $1`,
    [`${tag} kommun`],
  );
  return { ...(result as GeneratedMunicipality), tasks: count };
}
