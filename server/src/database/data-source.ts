import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

/** For the TypeORM CLI (migration:generate / --check). The app builds its own from validated config. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
export default new DataSource(typeormOptions(url));
