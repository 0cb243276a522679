-- Returns every chat an absent advisor holds to the head of its queue (ahead of normal priority,
-- keeping their original order), unless the advisor has come back meanwhile.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] advisor hash   KEYS[FIRST_KEY + 1] advisor's chat set   KEYS[FIRST_KEY + 2] presence
-- ARGV[4] advisor id   ARGV[5] priority level to give
-- The chats' routing records are only known from the set (see routing.lua).
-- Returns a flat list {chatId, queue, visitorKey, ...}; {} when the advisor is back.
local advisor, held, presence = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1], KEYS[FIRST_KEY + 2]
local advisorId, priority = ARGV[4], tonumber(ARGV[5])
if tonumber(redis.call('HGET', presence, 'a:' .. advisorId) or '0') > 0 then return {} end
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', held)) do
  local chat = chatKey(id)
  local status, holder, queueName, visitorKey, enqueuedAt =
    unpack(redis.call('HMGET', chat, 'status', 'advisorId', 'queue', 'visitorKey', 'enqueuedAt'))
  if status == 'active' and holder == advisorId then
    redis.call('HSET', chat, 'status', 'queued', 'priority', priority)
    redis.call('HDEL', chat, 'advisorId', 'assignedAt')
    enqueue(QUEUES[queueName], id, visitorKey, tonumber(enqueuedAt), priority)
    changed(id)
    out[#out + 1] = id
    out[#out + 1] = queueName
    out[#out + 1] = visitorKey
  end
end
redis.call('DEL', held)
redis.call('HSET', advisor, 'load', 0)
return out
