-- Assigns the head of a queue (highest priority, then oldest) to the least-loaded available
-- advisor with a free slot and a token still valid (ties: idle longest), atomically: never two
-- advisors for one chat, never above capacity. Also keeps the queue's pace: a smoothed interval
-- between assignments while chats wait, overall and per advisor serving, from which waits are
-- estimated.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] presence (member 'a:<advisorId>' -> sockets): an advisor with none is skipped
-- and dropped from this pool, whatever their hash says
-- KEYS[FIRST_KEY + 1] unannounced (id -> assignment ms): the chat stays listed until both sides
-- were told and its timers set, so a process that dies before that leaves it for the sweep
-- ARGV[4] queue   ARGV[5] smoothing factor (0..1)
-- The chosen advisor's keys and the chat's routing record are only known here (see routing.lua).
-- Returns {chatId, advisorId, visitorKey}, or {} when nothing waits or no slot is free.
local presence, unannounced = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1]
local queue = QUEUES[ARGV[4]]
local head = redis.call('ZRANGE', queue.waiting, 0, 0)
if #head == 0 then return {} end
local id = head[1]
for _, advisorId in ipairs(redis.call('ZRANGE', queue.advisors, 0, -1)) do
  local advisor = advisorKey(advisorId)
  local capacity, load, availability = unpack(redis.call('HMGET', advisor, 'capacity', 'load', 'availability'))
  if tonumber(redis.call('HGET', presence, 'a:' .. advisorId) or '0') <= 0 then
    redis.call('ZREM', queue.advisors, advisorId)
  elseif availability == 'available' and tonumber(load or 0) < tonumber(capacity or 0)
    and holdsValidToken(advisorId) then
    redis.call('ZREM', queue.waiting, id)
    local visitorKey = redis.call('HGET', queue.visitors, id) or ''
    redis.call('HDEL', queue.visitors, id)
    rescore(advisorId, redis.call('HINCRBY', advisor, 'load', 1))
    redis.call('SADD', advisorChatsKey(advisorId), id)
    redis.call('HSET', chatKey(id), 'status', 'active', 'advisorId', advisorId, 'assignedAt', NOW)
    changed(id)
    redis.call('ZADD', unannounced, NOW, id)
    local since = tonumber(redis.call('HGET', queue.pace, 'since') or '0')
    if since > 0 then
      local alpha = tonumber(ARGV[5])
      local sample = NOW - since
      local interval = tonumber(redis.call('HGET', queue.pace, 'intervalMs') or '-1')
      if interval < 0 then interval = sample else interval = interval + alpha * (sample - interval) end
      -- The same interval per advisor: times the advisors serving now (this one included), so that
      -- an estimate can divide by however many serve when it is made. Its smoothed mean absolute
      -- deviation says how steady that is; `samples` how many intervals it rests on.
      local serving = 0
      for _, other in ipairs(redis.call('ZRANGE', queue.advisors, 0, -1)) do
        if redis.call('HGET', advisorKey(other), 'availability') == 'available'
          and tonumber(redis.call('HGET', presence, 'a:' .. other) or '0') > 0 then
          serving = serving + 1
        end
      end
      local perAdvisorSample = sample * math.max(serving, 1)
      local perAdvisor = tonumber(redis.call('HGET', queue.pace, 'perAdvisorMs') or '-1')
      local deviation = tonumber(redis.call('HGET', queue.pace, 'deviationMs') or '0')
      if perAdvisor < 0 then
        perAdvisor = perAdvisorSample
      else
        deviation = deviation + alpha * (math.abs(perAdvisorSample - perAdvisor) - deviation)
        perAdvisor = perAdvisor + alpha * (perAdvisorSample - perAdvisor)
      end
      redis.call('HSET', queue.pace, 'intervalMs', math.floor(interval), 'perAdvisorMs', math.floor(perAdvisor),
        'deviationMs', math.floor(deviation))
      redis.call('HINCRBY', queue.pace, 'samples', 1)
    end
    if redis.call('ZCARD', queue.waiting) > 0 then
      redis.call('HSET', queue.pace, 'since', NOW)
    else
      redis.call('HDEL', queue.pace, 'since')
    end
    return {id, advisorId, visitorKey}
  end
end
return {}
