// The fault tests and the fault suite (bench/chaos) stage outages on the same throwaway servers.
export { PrivateRedis } from '../../../bench/lib/private-redis';
