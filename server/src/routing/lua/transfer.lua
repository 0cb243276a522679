-- Hands an active chat from its advisor to a queue (ahead of normal chats, original order kept) or
-- straight to a named advisor with a free slot, atomically.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] the chat's routing record   KEYS[FIRST_KEY + 1] current advisor hash
-- KEYS[FIRST_KEY + 2] current advisor's chat set
-- ARGV[4] chat id   ARGV[5] current advisor id   ARGV[6] 'queue' or 'advisor'
-- ARGV[7] target queue or advisor id   ARGV[8] priority for a queued transfer
-- The target advisor's keys are built inside (see routing.lua).
-- Returns {1, queue, visitorKey}; -1 not this advisor's active chat; -2 target advisor unknown,
-- offline, paused, full or without a valid token (or the same advisor); -3 target queue unknown.
local chat, fromKey, fromChats = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1], KEYS[FIRST_KEY + 2]
local id, from, kind, target = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local status, holder, queueName, visitorKey, enqueuedAt =
  unpack(redis.call('HMGET', chat, 'status', 'advisorId', 'queue', 'visitorKey', 'enqueuedAt'))
if status ~= 'active' or holder ~= from then return -1 end

if kind == 'advisor' then
  local capacity, load, availability =
    unpack(redis.call('HMGET', advisorKey(target), 'capacity', 'load', 'availability'))
  if target == from or availability ~= 'available' or tonumber(load or 0) >= tonumber(capacity or 0)
    or not holdsValidToken(target) then return -2 end
elseif not QUEUES[target] then
  return -3
end

redis.call('SREM', fromChats, id)
rescore(from, redis.call('HINCRBY', fromKey, 'load', -1))
if kind == 'advisor' then
  redis.call('SADD', advisorChatsKey(target), id)
  rescore(target, redis.call('HINCRBY', advisorKey(target), 'load', 1))
  redis.call('HSET', chat, 'advisorId', target, 'assignedAt', NOW)
else
  local priority = tonumber(ARGV[8])
  redis.call('HSET', chat, 'status', 'queued', 'queue', target, 'priority', priority)
  redis.call('HDEL', chat, 'advisorId', 'assignedAt')
  enqueue(QUEUES[target], id, visitorKey, tonumber(enqueuedAt), priority)
  queueName = target
end
changed(id)
return {1, queueName, visitorKey}
