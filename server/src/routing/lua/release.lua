-- Closes a chat's routing: it leaves its queue or frees its advisor's slot, the visitor may open
-- another, and it is listed for the archive (which moves it to PostgreSQL, then deletes its keys).
-- The routing step of closing a conversation; its hash follows through the sync.
--#include includes/routing.lua
-- KEYS[FIRST_KEY] the chat's routing record   KEYS[FIRST_KEY + 1] unarchived chats (zset)
-- ARGV[4] chat id   ARGV[5] closed by   ARGV[6] the case outcome an advisor chose ('' for none)
-- The advisor's and the visitor's keys are only known once the record is read (see routing.lua).
-- Returns {previous status, advisorId or '', queue, visitorKey}; {} when there is no such chat.
local chat, unarchived = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1]
local id = ARGV[4]
if redis.call('EXISTS', chat) == 0 then return {} end
local status, advisorId, queueName, visitorKey =
  unpack(redis.call('HMGET', chat, 'status', 'advisorId', 'queue', 'visitorKey'))
advisorId = advisorId or ''
if status == 'closed' then return {status, advisorId, queueName, visitorKey} end
if status == 'queued' then
  local queue = QUEUES[queueName]
  redis.call('ZREM', queue.waiting, id)
  redis.call('HDEL', queue.visitors, id)
elseif status == 'active' and advisorId ~= '' then
  if redis.call('SREM', advisorChatsKey(advisorId), id) == 1 then
    rescore(advisorId, redis.call('HINCRBY', advisorKey(advisorId), 'load', -1))
  end
end
local pointer = visitorPointerKey(visitorKey)
if redis.call('GET', pointer) == id then redis.call('DEL', pointer) end
redis.call('HSET', chat, 'status', 'closed', 'closedBy', ARGV[5], 'closedAt', NOW)
if ARGV[6] ~= '' then redis.call('HSET', chat, 'outcome', ARGV[6]) end
changed(id)
redis.call('ZADD', unarchived, NOW, id)
return {status, advisorId, queueName, visitorKey}
