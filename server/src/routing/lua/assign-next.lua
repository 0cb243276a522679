-- Assigns the head of a queue (highest priority, then oldest) to the least-loaded available
-- advisor with a free slot and a token still valid (ties: idle longest), atomically: never two
-- advisors for one chat, never above capacity. Also keeps the queue's pace: a smoothed interval
-- between assignments while chats wait, from which waits are estimated.
-- KEYS[1] waiting set (score: enqueue ms less 1e13 per priority level)
-- KEYS[2] advisor pool (score: load * 1e13 + ms idle since; ZRANGE walks least loaded, then longest idle)
-- KEYS[3] waiting id -> visitor key hash   KEYS[4] pace hash
-- KEYS[5] presence hash (member 'a:<advisorId>' -> sockets): an advisor with none is skipped and
-- dropped from this pool, whatever their hash says
-- KEYS[6] unannounced (id -> assignment ms): the chat stays listed until both sides were told and
-- its timers set, so a process that dies before that leaves it for the sweep, never orphaned
-- ARGV[1] key prefix   ARGV[2] now (ms)   ARGV[3] smoothing factor (0..1)
-- Advisor and conversation keys are rebuilt from the prefix (same shapes as redis/keys.ts):
-- which advisor gets the chat is only known inside the script.
-- Returns {conversationId, advisorId, visitorKey}, or {} when nothing waits or no slot is free.
--#include includes/holds-valid-token.lua
local head = redis.call('ZRANGE', KEYS[1], 0, 0)
if #head == 0 then return {} end
local conversationId = head[1]
local prefix = ARGV[1]
local now = tonumber(ARGV[2])
for _, advisorId in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local advisorKey = prefix .. ':advisor:' .. advisorId
  local capacity, load, availability, queues =
    unpack(redis.call('HMGET', advisorKey, 'capacity', 'load', 'availability', 'queues'))
  local present = tonumber(redis.call('HGET', KEYS[5], 'a:' .. advisorId) or '0') > 0
  if not present then
    redis.call('ZREM', KEYS[2], advisorId)
  elseif availability == 'available' and tonumber(load or 0) < tonumber(capacity or 0)
    and holdsValidToken(prefix, advisorId, now) then
    redis.call('ZREM', KEYS[1], conversationId)
    local visitorKey = redis.call('HGET', KEYS[3], conversationId) or ''
    redis.call('HDEL', KEYS[3], conversationId)
    local newLoad = redis.call('HINCRBY', advisorKey, 'load', 1)
    redis.call('SADD', advisorKey .. ':convs', conversationId)
    for served in string.gmatch(queues or '', '[^,]+') do
      local pool = prefix .. ':queue:' .. served .. ':advisors'
      if redis.call('ZSCORE', pool, advisorId) then
        redis.call('ZADD', pool, newLoad * 1e13 + now, advisorId)
      end
    end
    redis.call('HSET', prefix .. ':conv:' .. conversationId,
      'status', 'active', 'advisorId', advisorId, 'assignedAt', now)
    redis.call('ZADD', KEYS[6], now, conversationId)
    local since = tonumber(redis.call('HGET', KEYS[4], 'since') or '0')
    if since > 0 then
      local sample = now - since
      local interval = tonumber(redis.call('HGET', KEYS[4], 'intervalMs') or '-1')
      if interval < 0 then interval = sample else interval = interval + tonumber(ARGV[3]) * (sample - interval) end
      redis.call('HSET', KEYS[4], 'intervalMs', math.floor(interval))
    end
    if redis.call('ZCARD', KEYS[1]) > 0 then
      redis.call('HSET', KEYS[4], 'since', now)
    else
      redis.call('HDEL', KEYS[4], 'since')
    end
    return {conversationId, advisorId, visitorKey}
  end
end
return {}
