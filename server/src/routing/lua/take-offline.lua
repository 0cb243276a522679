-- Takes an advisor out of every pool they serve; the chats they hold stay theirs for now.
-- KEYS[1] advisor hash   ARGV[1] key prefix
-- Returns the number of chats the advisor holds.
local advisorId = string.match(KEYS[1], ':advisor:(.+)$')
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'availability', 'offline')
local queues = redis.call('HGET', KEYS[1], 'queues') or ''
for served in string.gmatch(queues, '[^,]+') do
  redis.call('ZREM', ARGV[1] .. ':queue:' .. served .. ':advisors', advisorId)
end
return redis.call('SCARD', KEYS[1] .. ':convs')
