/**
 * Column helpers that mean the same thing on SQLite and MySQL/MariaDB.
 * Every column states its type: bundlers (tsx, swc) emit no decorator metadata.
 */
import { Column, CreateDateColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/** Enum-like values are stored as short strings: portable, readable in SQL, and extendable without ALTER. */
export const EnumColumn = (length = 32, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });

export const StringColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, ...options });

/** A calendar date ('YYYY-MM-DD' string), never shifted by time zones. */
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'date', ...options });

/** An instant, stored in UTC. */
export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', ...options });

/** Structured data kept as JSON text (TypeORM simple-json is TEXT on both dialects). */
export const JsonColumn = (options: ColumnOptions = {}) => Column({ type: 'simple-json', ...options });

export const IntColumn = (options: ColumnOptions = {}) => Column({ type: 'int', ...options });

/**
 * A sum of amounts over many professionals (a national campaign's total in cents passes 2³¹). Read back as
 * a number: exact up to 2⁵³ cents (90 000 billion euros); mysql2 returns BIGINT as a string.
 */
export const BigIntColumn = (options: ColumnOptions = {}) =>
  Column({
    type: 'bigint',
    transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) },
    ...options,
  });

export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', ...options });

export const TextColumn = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });

export const CreatedAt = () => CreateDateColumn({ type: 'datetime' });
export const UpdatedAt = () => UpdateDateColumn({ type: 'datetime' });
