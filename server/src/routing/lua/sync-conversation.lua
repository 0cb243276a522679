-- Copies a chat's routing record (status, queue, advisor, priority, closing) into its conversation
-- hash, which the message path reads to authorise each message without leaving this slot. Only a
-- newer version is applied, so syncs that race or repeat are harmless; an empty value removes the
-- field. The hash no longer expires once synced.
-- KEYS[1] the conversation hash   ARGV[1] routing version   ARGV[2..] field/value pairs
-- Returns 1 applied, 0 already as new, -1 no such conversation (archived, or never created).
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local version = tonumber(ARGV[1])
if tonumber(redis.call('HGET', KEYS[1], 'rv') or '0') >= version then return 0 end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i])
  else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('HSET', KEYS[1], 'rv', version)
redis.call('PERSIST', KEYS[1])
return 1
