// The fault tests and the fault suite (bench/chaos) stage outages on the same throwaway servers.
export { PrivatePostgres } from '../../../bench/lib/private-postgres';
