-- Takes an advisor out of every pool they serve; the chats they hold stay theirs for now.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] advisor hash   KEYS[FIRST_KEY + 1] advisor's chat set   ARGV[4] advisor id
-- Returns the number of chats the advisor holds.
local advisor, held = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1]
if redis.call('EXISTS', advisor) == 0 then return 0 end
if redis.call('HGET', advisor, 'availability') ~= 'offline' then
  redis.call('HSET', advisor, 'availability', 'offline', 'since', NOW)
end
for served in string.gmatch(redis.call('HGET', advisor, 'queues') or '', '[^,]+') do
  if QUEUES[served] then redis.call('ZREM', QUEUES[served].advisors, ARGV[4]) end
end
return redis.call('SCARD', held)
