-- Changes an advisor's availability, queues, capacity or name (an empty argument keeps the current
-- value), and moves them into or out of each queue's pool to match. An advisor with no socket
-- anywhere (presence 0) is never available: 'available' is refused and stored as 'offline', so a
-- session set-up that outlives its socket cannot put a departed advisor back in the pool.
-- KEYS[1] advisor hash   KEYS[2] registry of all advisors   KEYS[3] presence hash
-- ARGV[1] key prefix   ARGV[2] now (ms)   ARGV[3] availability ('available'|'paused'|'offline')
-- ARGV[4] comma-separated queues served   ARGV[5] capacity   ARGV[6] display name
-- ARGV[7] the advisor's presence member ('a:<advisorId>')
-- Returns {load, capacity, availability, queues}.
local advisorId = string.match(KEYS[1], ':advisor:(.+)$')
local prefix = ARGV[1]
local oldQueues = redis.call('HGET', KEYS[1], 'queues') or ''
local fields = {'availability', ARGV[3], 'queues', ARGV[4], 'capacity', ARGV[5], 'name', ARGV[6]}
for i = 1, #fields, 2 do
  if fields[i + 1] ~= '' then redis.call('HSET', KEYS[1], fields[i], fields[i + 1]) end
end
if redis.call('HGET', KEYS[1], 'availability') == 'available'
  and tonumber(redis.call('HGET', KEYS[3], ARGV[7]) or '0') <= 0 then
  redis.call('HSET', KEYS[1], 'availability', 'offline')
end
if redis.call('HEXISTS', KEYS[1], 'load') == 0 then redis.call('HSET', KEYS[1], 'load', 0) end
redis.call('SADD', KEYS[2], advisorId)
local load, capacity, availability, queues =
  unpack(redis.call('HMGET', KEYS[1], 'load', 'capacity', 'availability', 'queues'))
local serves = {}
for served in string.gmatch(queues or '', '[^,]+') do serves[served] = true end
for served in string.gmatch(oldQueues, '[^,]+') do
  if not serves[served] then redis.call('ZREM', prefix .. ':queue:' .. served .. ':advisors', advisorId) end
end
for served in pairs(serves) do
  local pool = prefix .. ':queue:' .. served .. ':advisors'
  if availability == 'available' then
    if not redis.call('ZSCORE', pool, advisorId) then
      redis.call('ZADD', pool, tonumber(load) * 1e13 + tonumber(ARGV[2]), advisorId)
    end
  else
    redis.call('ZREM', pool, advisorId)
  end
end
return {tonumber(load), tonumber(capacity or 0), availability or 'offline', queues or ''}
