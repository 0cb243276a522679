-- Records an advisor's availability and puts them in, or takes them out of, the pools they serve.
-- KEYS[1] advisor hash   ARGV[1] key prefix   ARGV[2] availability ('available'|'paused'|'offline')
-- ARGV[3] now (ms)   ARGV[4] comma-separated queues served   ARGV[5] capacity   ARGV[6] display name
-- Returns the advisor's current load.
local advisorId = string.match(KEYS[1], ':advisor:(.+)$')
redis.call('HSET', KEYS[1], 'availability', ARGV[2], 'queues', ARGV[4], 'capacity', ARGV[5], 'name', ARGV[6])
local load = tonumber(redis.call('HGET', KEYS[1], 'load') or '0')
if load == 0 then redis.call('HSET', KEYS[1], 'load', 0) end
for served in string.gmatch(ARGV[4], '[^,]+') do
  local pool = ARGV[1] .. ':queue:' .. served .. ':advisors'
  if ARGV[2] == 'available' then
    if not redis.call('ZSCORE', pool, advisorId) then
      redis.call('ZADD', pool, load * 1e13 + tonumber(ARGV[3]), advisorId)
    end
  else
    redis.call('ZREM', pool, advisorId)
  end
end
return load
