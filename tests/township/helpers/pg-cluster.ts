// One cluster starter for the tests and the benchmarks: it lives in scripts/lib, which benchmarks may import.
export { startPgCluster, type PgCluster, type PgClusterOptions } from '../../../scripts/lib/pg-cluster.ts';
