import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI against a server PostgreSQL (DATABASE_URL must be set), e.g.
 *   DATABASE_URL=postgres://... npx typeorm-ts-node-commonjs migration:revert -d backend/src/database/data-source.ts
 * The application itself migrates at start-up.
 */
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default new DataSource(dataSourceOptions(url, 2));
