-- Assigns the head of a queue (highest priority, then oldest) to the least-loaded available
-- advisor with a free slot and a token still valid (ties: idle longest), atomically: never two
-- advisors for one chat, never above capacity. Also keeps the queue's pace: a smoothed interval
-- between assignments while chats wait, from which waits are estimated.
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
      local sample = NOW - since
      local interval = tonumber(redis.call('HGET', queue.pace, 'intervalMs') or '-1')
      if interval < 0 then interval = sample else interval = interval + tonumber(ARGV[5]) * (sample - interval) end
      redis.call('HSET', queue.pace, 'intervalMs', math.floor(interval))
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
