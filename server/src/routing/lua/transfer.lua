-- Hands an active chat from its advisor to a queue (ahead of normal chats, original order kept) or
-- straight to a named advisor with a free slot, atomically.
-- KEYS[1] conversation hash   KEYS[2] current advisor hash   KEYS[3] current advisor's chat set
-- ARGV[1] key prefix   ARGV[2] current advisor id   ARGV[3] 'queue' or 'advisor'
-- ARGV[4] target queue or advisor id   ARGV[5] now (ms)   ARGV[6] priority for a queued transfer
-- Returns {1, queue, visitorKey}; -1 not this advisor's active chat; -2 target advisor unknown,
-- offline, paused, full or without a valid token (or the same advisor); -3 target queue unknown.
--#include includes/holds-valid-token.lua
local prefix, from, kind, target, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local id, status, holder, queue, visitorKey, enqueuedAt =
  unpack(redis.call('HMGET', KEYS[1], 'id', 'status', 'advisorId', 'queue', 'visitorKey', 'enqueuedAt'))
if status ~= 'active' or holder ~= from then return -1 end

local function rescore(advisorKey, advisorId, load)
  for served in string.gmatch(redis.call('HGET', advisorKey, 'queues') or '', '[^,]+') do
    local pool = prefix .. ':queue:' .. served .. ':advisors'
    if redis.call('ZSCORE', pool, advisorId) then redis.call('ZADD', pool, load * 1e13 + now, advisorId) end
  end
end

local targetKey
if kind == 'advisor' then
  targetKey = prefix .. ':advisor:' .. target
  local capacity, load, availability = unpack(redis.call('HMGET', targetKey, 'capacity', 'load', 'availability'))
  if target == from or availability ~= 'available' or tonumber(load or 0) >= tonumber(capacity or 0)
    or not holdsValidToken(prefix, target, now) then return -2 end
elseif target ~= 'workers' and target ~= 'employers' then
  return -3
end

redis.call('SREM', KEYS[3], id)
rescore(KEYS[2], from, redis.call('HINCRBY', KEYS[2], 'load', -1))
if kind == 'advisor' then
  redis.call('SADD', targetKey .. ':convs', id)
  rescore(targetKey, target, redis.call('HINCRBY', targetKey, 'load', 1))
  redis.call('HSET', KEYS[1], 'advisorId', target, 'assignedAt', now)
else
  local priority = tonumber(ARGV[6])
  redis.call('HSET', KEYS[1], 'status', 'queued', 'queue', target, 'priority', priority)
  redis.call('HDEL', KEYS[1], 'advisorId', 'assignedAt')
  redis.call('ZADD', prefix .. ':queue:' .. target .. ':waiting', tonumber(enqueuedAt) - priority * 1e13, id)
  redis.call('HSET', prefix .. ':queue:' .. target .. ':visitors', id, visitorKey)
  local pace = prefix .. ':queue:' .. target .. ':pace'
  if redis.call('HEXISTS', pace, 'since') == 0 then redis.call('HSET', pace, 'since', now) end
  queue = target
end
return {1, queue, visitorKey}
