-- Changes an advisor's availability, queues, capacity or name (an empty argument keeps the current
-- value), and moves them into or out of each queue's pool to match. An advisor with no socket
-- anywhere (presence 0) is never available: 'available' is refused and stored as 'offline', so a
-- session set-up that outlives its socket cannot put a departed advisor back in the pool.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] advisor hash   KEYS[FIRST_KEY + 1] registry of all advisors
-- KEYS[FIRST_KEY + 2] presence hash
-- ARGV[4] advisor id   ARGV[5] availability ('available'|'paused'|'offline')
-- ARGV[6] comma-separated queues served   ARGV[7] capacity   ARGV[8] display name
-- Returns {load, capacity, availability, queues}.
local advisor, registry, presence = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1], KEYS[FIRST_KEY + 2]
local advisorId = ARGV[4]
local oldQueues = redis.call('HGET', advisor, 'queues') or ''
local oldAvailability = redis.call('HGET', advisor, 'availability')
local fields = {'availability', ARGV[5], 'queues', ARGV[6], 'capacity', ARGV[7], 'name', ARGV[8]}
for i = 1, #fields, 2 do
  if fields[i + 1] ~= '' then redis.call('HSET', advisor, fields[i], fields[i + 1]) end
end
if redis.call('HGET', advisor, 'availability') == 'available'
  and tonumber(redis.call('HGET', presence, 'a:' .. advisorId) or '0') <= 0 then
  redis.call('HSET', advisor, 'availability', 'offline')
end
-- When the availability last changed, for supervisors' "time in state".
if redis.call('HGET', advisor, 'availability') ~= oldAvailability then redis.call('HSET', advisor, 'since', NOW) end
if redis.call('HEXISTS', advisor, 'load') == 0 then redis.call('HSET', advisor, 'load', 0) end
redis.call('SADD', registry, advisorId)
local load, capacity, availability, queues =
  unpack(redis.call('HMGET', advisor, 'load', 'capacity', 'availability', 'queues'))
local serves = {}
for served in string.gmatch(queues or '', '[^,]+') do serves[served] = true end
for served in string.gmatch(oldQueues, '[^,]+') do
  if not serves[served] and QUEUES[served] then redis.call('ZREM', QUEUES[served].advisors, advisorId) end
end
for served in pairs(serves) do
  local queue = QUEUES[served]
  if queue and availability == 'available' then
    if not redis.call('ZSCORE', queue.advisors, advisorId) then
      -- Nobody served the queue until now: its pace clock starts here, so that time with nobody
      -- online is never taken for time spent serving.
      if redis.call('ZCARD', queue.advisors) == 0 and redis.call('ZCARD', queue.waiting) > 0 then
        redis.call('HSET', queue.pace, 'since', NOW)
      end
      redis.call('ZADD', queue.advisors, tonumber(load) * 1e13 + NOW, advisorId)
    end
  elseif queue then
    redis.call('ZREM', queue.advisors, advisorId)
  end
end
return {tonumber(load), tonumber(capacity or 0), availability or 'offline', queues or ''}
